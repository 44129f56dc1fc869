// Test data shaped like the generated bindings, taken from /work/shared/samples/articles.
import type { Article, ArticleSummary, LibraryInfo, RevisionSummary } from '../lib/ipc/bindings';

const stamp = '2024-04-23T09:30:00Z';

function article(fields: Partial<Article> & Pick<Article, 'id' | 'kicker' | 'title'>): Article {
  return {
    status: 'draft',
    related: [],
    revision: 1,
    created_at: stamp,
    updated_at: stamp,
    trashed_at: null,
    type: 'Meldung',
    section: 'Politik',
    date: null,
    author: '',
    teaser: '',
    tags: [],
    images: [],
    links: [],
    body: '',
    extra: {},
    ...fields,
  };
}

export const kabinett = article({
  id: 1,
  status: 'published',
  revision: 2,
  created_at: '2018-12-13T08:00:00Z',
  updated_at: '2018-12-14T10:15:00Z',
  kicker: 'Thüringen',
  title: 'Zweites Digitalisierungskabinett',
  date: '2018-12-13',
  author: 'ba',
  teaser:
    'Beim zweiten Digitalisierungskabinett in Thüringen stand die Verwaltungsdigitalisierung im Fokus. Zudem wurde die Strategie für E-Government und IT im Freistaat fortgeschrieben.',
  tags: ['Politik', 'Thüringen', 'Digitalisierungskabinett', 'Digitalisierung', 'Hartmut Schubert'],
  images: [
    {
      file: '',
      caption:
        'Thüringen-CIO Hartmut Schubert und Wirtschaftsstaatssekretärin Valentina Kerst informieren die Presse über die Ergebnisse des zweiten Digitalisierungskabinetts.',
      credit: 'Thüringer Staatskanzlei',
      alt: '',
    },
  ],
  links: [
    {
      title:
        'Strategie für E-Government und IT des Freistaats Thüringen, Stand Dezember 2018 (PDF; 4,4 MB)',
      url: '',
      kind: 'document',
    },
    { title: 'www.thueringen.de', url: 'http://www.thueringen.de', kind: '' },
  ],
  body: [
    'Die Thüringer Landesregierung hat sich beim zweiten Digitalisierungskabinett vorrangig mit Themen der Verwaltungsdigitalisierung befasst.',
    'Für die Verwaltungsmodernisierung der Kommunen stellt Thüringen in den kommenden vier Jahren bis zu 80 Millionen Euro bereit.',
    '> „Vom Verwaltungsmitarbeiter bis zur Ministeriumsspitze müssen die Chancen der Digitalisierung immer mitgedacht werden.“',
  ].join('\n\n'),
});

export const ozg = article({
  id: 2,
  status: 'ready',
  kicker: 'OZG 2.0',
  title: 'Zentralisierung als Hemmnis oder Chance?',
  date: '2024-03-28',
  teaser:
    'Wie wird das Scheitern des OZG-Änderungsgesetzes im Bundesrat eingeordnet? Während Schleswig-Holstein die Novelle aufgrund der entstandenen Belastungen für Länder und Kommunen klar ablehnt, sprachen Thüringen und der Bitkom von der Bedeutung der dort verankerten zentralen Lösungen und Standards für die Verwaltungsdigitalisierung.',
  images: [
    {
      file: '',
      caption: 'Wie geht es jetzt weiter mit OZG 2.0 und der Digitalisierung der Verwaltung?',
      credit: '',
      alt: '',
    },
  ],
});

export const nkr = article({
  id: 3,
  kicker: 'NKR',
  title: 'One-Stop-Shop für Sozialleistungen',
  date: '2024-04-03',
  teaser:
    'Um im Bereich der Sozialleistungen den Aufwand für Behörden und Leistungsberechtigte deutlich zu reduzieren, ist mehr Mut zur Digitalisierung nötig, so der Nationale Normenkontrollrat. Gefordert sei etwa ein One-Stop-Shop für alle Sozialleistungen.',
});

export const cdo = article({
  id: 4,
  kicker: 'Chief Digital Officer',
  title: 'Mädchen für alles',
  type: 'Bericht',
  date: '2024-04-09',
  teaser:
    'Immer mehr Kommunen richten die Stelle eines Chief Digital Officer (CDO) ein, um für die digitale Transformation gerüstet zu sein und sie voranzutreiben.',
  images: [
    { file: '', caption: 'CDOs sind oft mit einer Fülle an Aufgaben konfrontiert.', credit: '', alt: '' },
  ],
});

export const eGovernment = article({
  id: 5,
  status: 'scheduled',
  kicker: 'Thüringen',
  title: 'E-Government-Gesetz wird novelliert',
  date: '2024-04-18',
  teaser:
    'Das Landeskabinett Thüringen hat die Novellierung des E-Government-Gesetzes beschlossen.',
});

export const duesseldorf = article({
  id: 6,
  status: 'published',
  kicker: 'Düsseldorf',
  title: 'Digitalstrategie neu ausgerichtet',
  section: 'Kommunen',
  date: '2024-04-23',
  teaser:
    'Die nordrhein-westfälische Landeshauptstadt Düsseldorf hat ihre Digitalstrategie neu ausgerichtet.',
});

export const articles: Article[] = [kabinett, ozg, nkr, cdo, eGovernment, duesseldorf];

export function summary(a: Article): ArticleSummary {
  const { id, kicker, title, type, section, date, author, teaser, tags, status } = a;
  return { id, kicker, title, type, section, date, author, teaser, tags, status, created_at: a.created_at, updated_at: a.updated_at, trashed_at: a.trashed_at };
}

export function libraryInfoFor(list: Article[]): LibraryInfo {
  const counts = new Map<Article['status'], number>();
  for (const a of list) counts.set(a.status, (counts.get(a.status) ?? 0) + 1);
  return {
    path: '/home/ba/.local/share/newsdesk/library.sqlite',
    schema_version: 1,
    articles: list.length,
    trashed: 0,
    by_status: [...counts].map(([status, count]) => ({ status, count })),
    sections: [...new Set(list.map((a) => a.section))].sort(),
  };
}

export const kabinettHistory: RevisionSummary[] = [
  { article_id: 1, revision: 2, saved_at: '2018-12-14T10:15:00Z', status: 'published', title: kabinett.title, words: 312, note: 'save' },
  { article_id: 1, revision: 1, saved_at: '2018-12-13T08:00:00Z', status: 'draft', title: kabinett.title, words: 298, note: 'import' },
];

/** A large library for paging: `count` articles, "Artikel 1" the oldest, one a day up to
 * "Artikel {count}" on 2024-04-30; odd ids in "Politik", even ids in "Kommunen". */
export function generatedArticles(count: number): Article[] {
  const newest = Date.UTC(2024, 3, 30);
  const day = 24 * 60 * 60 * 1000;
  return Array.from({ length: count }, (_, index) => {
    const id = index + 1;
    const date = new Date(newest - (count - id) * day).toISOString().slice(0, 10);
    return article({
      id,
      kicker: 'Serie',
      title: `Artikel ${id}`,
      section: id % 2 === 1 ? 'Politik' : 'Kommunen',
      status: id % 3 === 0 ? 'published' : 'draft',
      date,
    });
  });
}
