// Test data shaped like the generated bindings, taken from the demo articles (the portal's
// samples) in assets/demo-articles/.
import type { Article, ArticleSummary, Image, ImageMetadata, ImageRef, ImageUse, ImportReport, LibraryInfo, Overview, OutboxSummary, RevisionSummary } from '../lib/ipc/bindings';

const stamp = '2024-04-23T09:30:00Z';

export function article(fields: Partial<Article> & Pick<Article, 'id' | 'kicker' | 'title'>): Article {
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
    slug: '',
    description: '',
    social_image: '',
    embargo: null,
    corrections: [],
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
    // As the core sends it: an empty `file` is left out of the JSON.
    { caption: 'CDOs sind oft mit einer Fülle an Aufgaben konfrontiert.', credit: '', alt: '' } as ImageRef,
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
  return { id, kicker, title, type, section, date, author, teaser, tags, status, created_at: a.created_at, updated_at: a.updated_at, trashed_at: a.trashed_at, embargo: a.embargo };
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

// The image library. Dates of licenses are relative to today, so that "expired" and "expires
// within 30 days" hold whenever the tests run.

function day(offset: number): string {
  const now = new Date();
  const moved = new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate() + offset));
  return moved.toISOString().slice(0, 10);
}

/** Hex of 64 characters, different per id. */
export function hashFor(id: number): string {
  return id.toString(16).padStart(4, '0').repeat(16);
}

const noMetadata: ImageMetadata = {
  creator: null,
  credit: null,
  copyright: null,
  source: null,
  caption: null,
  headline: null,
  keywords: [],
  date_created: null,
  city: null,
  country: null,
  usage_terms: null,
  web_statement: null,
  licensor_url: null,
  alt_text: null,
};

/** The portal's default credit format `{credit|creator|source}`. */
export function creditLineOf(image: Pick<Image, 'credit' | 'creator' | 'source'>): string {
  return [image.credit, image.creator, image.source].map((v) => (v ?? '').trim()).find((v) => v !== '') ?? '';
}

export function image(fields: Partial<Image> & Pick<Image, 'id' | 'file'>): Image {
  const base: Image = {
    ...noMetadata,
    width: 1600,
    height: 1067,
    hash: hashFor(fields.id),
    format: 'jpeg',
    bytes: 2_400_000,
    license: null,
    expires: null,
    credit_line: '',
    imported_at: `2024-04-${String(Math.min(28, fields.id)).padStart(2, '0')}T09:00:00Z`,
    updated_at: '2024-04-28T09:00:00Z',
    embargo: null,
    ...fields,
  };
  return { ...base, credit_line: creditLineOf(base) };
}

/** Six pictures, listed newest import first: wald, kabinett-2, landtag, cdo, ozg, kabinett. */
export function sampleImages(): Image[] {
  return [
    image({
      id: 1,
      file: 'kabinett.jpg',
      credit: 'Thüringer Staatskanzlei',
      creator: 'Anna Muster',
      license: 'handout',
      headline: 'Digitalisierungskabinett',
      caption: 'Thüringen-CIO Hartmut Schubert und Valentina Kerst informieren die Presse.',
      alt_text: 'Zwei Personen am Rednerpult',
      keywords: ['Digitalisierung', 'Thüringen'],
      city: 'Erfurt',
      country: 'Deutschland',
      date_created: '2018-12-13',
    }),
    image({ id: 2, file: 'ozg-symbol.jpg', caption: 'Symbolbild: Verwaltung digital', keywords: ['OZG'] }),
    image({ id: 3, file: 'cdo-portrait.jpg', credit: 'dpa', creator: 'Max Beispiel', source: 'dpa', license: 'agency', expires: day(10), keywords: ['Thüringen'] }),
    image({ id: 4, file: 'landtag-archiv.jpg', credit: 'Landtag Thüringen', license: 'handout', expires: day(-5) }),
    image({ id: 5, file: 'kabinett-2.jpg', credit: 'Staatskanzlei Thüringen', license: 'handout', width: 800, height: 533 }),
    image({ id: 6, file: 'wald.png', format: 'png', credit: 'Eigenes Foto', creator: 'ba', license: 'own', keywords: ['Natur'] }),
  ];
}

/** What the files said at import (picture 1 carried a shorter credit than the library now). */
export function sampleFileMetadata(): Record<number, ImageMetadata> {
  return {
    1: { ...noMetadata, credit: 'TSK', creator: 'Anna Muster', caption: 'Pressekonferenz', keywords: ['Kabinett'] },
  };
}

/** A large library: "Bild 1" … "Bild {count}", every third without a credit. */
export function generatedImages(count: number): Image[] {
  return Array.from({ length: count }, (_, index) => {
    const id = index + 1;
    return image({
      id,
      file: `Bild-${id}.jpg`,
      credit: id % 3 === 0 ? null : 'dpa',
      imported_at: new Date(Date.UTC(2024, 0, 1) + id * 60_000).toISOString(),
    });
  });
}

/** The uses of library pictures in articles dated `from`..=`to`, as the core's credit report
 * lists them (a picture is the article's `sha256:…` reference or its file name). */
export function creditUses(library: Article[], images: Image[], from: string, to: string): ImageUse[] {
  return library.flatMap((a) =>
    a.date && a.date >= from && a.date <= to
      ? a.images.flatMap((ref) => {
          const picture = images.find((i) => ref.file === `sha256:${i.hash}` || ref.file === i.file);
          return picture
            ? [{ image_id: picture.id, file: picture.file, credit_line: picture.credit_line, creator: picture.creator, source: picture.source, license: picture.license, article_id: a.id, article_title: a.title, article_date: a.date, article_status: a.status }]
            : [];
        })
      : [],
  );
}

/** The fake's import of Markdown paths: `*.md` is an article named after its file, a name
 * with "broken" is refused at line 1, anything else is skipped. */
export function importMarkdown(paths: readonly string[], known: number): { report: ImportReport; articles: Article[] } {
  const report: ImportReport = { imported: [], failed: [], skipped: [], cancelled: false };
  const articles: Article[] = [];
  for (const path of paths) {
    const name = path.split('/').pop() ?? path;
    if (!name.endsWith('.md')) report.skipped.push({ file: path, reason: 'not a Markdown file' });
    else if (name.includes('broken')) report.failed.push({ file: path, line: 1, message: 'the front matter is not closed (no second ---)' });
    else {
      const id = 1000 + known + articles.length;
      const title = name.replace(/\.md$/, '').replace(/-/g, ' ');
      articles.push(article({ id, kicker: '', title }));
      report.imported.push({ id, file: path, title });
    }
  }
  return { report, articles };
}

/** The overview the core would count for `library` as of `today` (the fake counts the same
 * things with plain loops: weeks by status, tags of 90 days, sources by month, expiring). */
export function overviewOf(library: Article[], images: Image[], outbox: OutboxSummary, today = new Date().toISOString().slice(0, 10)): Overview {
  const days = (d: string) => Math.floor(Date.parse(`${d}T00:00:00Z`) / 86_400_000);
  const monday = (d: string) => {
    const date = new Date(`${d}T12:00:00Z`);
    date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
    return date.toISOString().slice(0, 10);
  };
  const live = library.filter((a) => !a.trashed_at && a.date && a.date <= today);
  const lastMonday = monday(today);
  const week_starts = Array.from({ length: 12 }, (_, i) => new Date((days(lastMonday) - 7 * (11 - i)) * 86_400_000).toISOString().slice(0, 10));
  const weeks = new Map<string, number>();
  for (const a of live.filter((a) => week_starts.includes(monday(a.date!)))) {
    const key = `${monday(a.date!)}|${a.status}`;
    weeks.set(key, (weeks.get(key) ?? 0) + 1);
  }
  const tags = new Map<string, number>();
  for (const a of live.filter((a) => days(today) - days(a.date!) <= 90)) for (const tag of a.tags) tags.set(tag, (tags.get(tag) ?? 0) + 1);
  const uses = creditUses(library, images, new Date((days(today) - 183) * 86_400_000).toISOString().slice(0, 10), today);
  const sources = new Map<string, number>();
  for (const u of uses) {
    const picture = images.find((i) => i.id === u.image_id)!;
    const key = `${u.article_date!.slice(0, 7)}|${picture.credit ?? picture.source ?? picture.creator ?? ''}`;
    sources.set(key, (sources.get(key) ?? 0) + 1);
  }
  const expiring = images.filter((i) => i.expires && i.expires >= today && days(i.expires) - days(today) <= 30).sort((a, b) => a.expires!.localeCompare(b.expires!));
  return {
    articles: library.filter((a) => !a.trashed_at).length,
    week_starts,
    weeks: [...weeks].map(([key, count]) => ({ week: key.split('|')[0]!, status: key.split('|')[1] as Article['status'], count })),
    tags: [...tags].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([name, count]) => ({ name, count })),
    sources: [...sources].map(([key, uses]) => ({ month: key.split('|')[0]!, source: key.split('|')[1]!, uses })),
    expiring: expiring.slice(0, 10).map((i) => ({ image_id: i.id, file: i.file, expires: i.expires!, credit: i.credit ?? '', license: i.license })),
    expiring_more: Math.max(0, expiring.length - 10),
    outbox,
  };
}
