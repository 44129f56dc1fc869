import { afterEach, describe, expect, it } from 'vitest';
import type { ReadinessProblem } from '../lib/ipc/bindings';
import { setLocale } from '../lib/i18n/i18n.svelte';
import { problemText } from '../lib/problems';
import { fakeBackend } from '../test/backend';
import { image, sampleImages } from '../test/fixtures';
import { ImageBrowser } from './browser.svelte';
import { addDays, licenseState } from './expiry';
import { toQuery } from './filters';
import { nextCell } from './gridnav';
import { importState, runImport } from './importer.svelte';
import { common, editedCredits, hasChanges, keywordCounts, patchOf } from './metadata';
import { addPreset, ownPresets, parsePresets, removePreset, suggestedPresets } from './presets.svelte';
import { resetSettings, setting } from '../lib/settings.svelte';

afterEach(() => {
  localStorage.clear();
  resetSettings();
  setLocale('de');
});

describe('license expiry', () => {
  it('says expired before today, expiring within 30 days, otherwise valid', () => {
    const day = '2024-04-30';
    expect(licenseState(null, day)).toBe('none');
    expect(licenseState('2024-04-29', day)).toBe('expired');
    expect(licenseState('2024-04-30', day)).toBe('expiring');
    expect(licenseState(addDays(day, 30), day)).toBe('expiring');
    expect(licenseState(addDays(day, 31), day)).toBe('valid');
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
  });
});

describe('filters', () => {
  it('ask the core only for what is set', () => {
    expect(toQuery({ kind: 'all', tag: ' ', text: '' })).toEqual({});
    expect(toQuery({ kind: 'missing_credit', tag: '', text: '' })).toEqual({ missing_credit: true });
    expect(toQuery({ kind: 'expiring', tag: '', text: '' })).toEqual({ expiring_within: 30 });
    expect(toQuery({ kind: 'expired', tag: 'Thüringen ', text: ' Kabinett ' })).toEqual({ expired: true, tag: 'Thüringen', text: 'Kabinett' });
  });
});

describe('grid keys', () => {
  it('move by cell, row and page and stop at the ends', () => {
    expect(nextCell(-1, 'ArrowRight', 10, 4)).toBe(0);
    expect(nextCell(0, 'ArrowRight', 10, 4)).toBe(1);
    expect(nextCell(1, 'ArrowDown', 10, 4)).toBe(5);
    expect(nextCell(8, 'ArrowDown', 10, 4)).toBe(9);
    expect(nextCell(2, 'ArrowUp', 10, 4)).toBe(0);
    expect(nextCell(0, 'ArrowLeft', 10, 4)).toBe(0);
    expect(nextCell(3, 'End', 10, 4)).toBe(9);
    expect(nextCell(9, 'Home', 10, 4)).toBe(0);
    expect(nextCell(0, 'PageDown', 100, 4, 3)).toBe(12);
    expect(nextCell(0, 'x', 10, 4)).toBeNull();
    expect(nextCell(0, 'ArrowRight', 0, 4)).toBeNull();
  });
});

describe('what a selection has in common', () => {
  const [kabinett, ozg, cdo] = sampleImages();

  it('shows a shared value, or mixed when the values differ', () => {
    expect(common([kabinett!], 'credit')).toEqual({ value: 'Thüringer Staatskanzlei', mixed: false });
    expect(common([kabinett!, cdo!], 'credit')).toEqual({ value: '', mixed: true });
    expect(common([kabinett!, ozg!], 'license')).toEqual({ value: '', mixed: true });
    expect(common([ozg!, image({ id: 9, file: 'x.jpg' })], 'credit')).toEqual({ value: '', mixed: false });
  });

  it('sends only edited fields, trimmed; an emptied field clears', () => {
    expect(patchOf({})).toEqual({});
    expect(patchOf({ credit: ' dpa ', caption: '' })).toEqual({ credit: 'dpa', caption: '' });
    expect(hasChanges([kabinett!], { credit: 'Thüringer Staatskanzlei' })).toBe(false);
    expect(hasChanges([kabinett!, cdo!], { credit: 'dpa' })).toBe(true);
  });

  it('gives the core the credit fields a picture will have while they are edited', () => {
    expect(editedCredits(kabinett!, {}), 'no credit edited: the saved line stands').toBeNull();
    expect(editedCredits(kabinett!, { caption: 'x' }), 'a caption is no credit field').toBeNull();
    expect(editedCredits(kabinett!, { credit: '' })).toMatchObject({ credit: null, creator: kabinett!.creator });
    expect(editedCredits(ozg!, { source: ' Pixabay ' })).toMatchObject({ source: 'Pixabay' });
  });

  it('counts keywords across the selection, case-insensitively', () => {
    const other = image({ id: 9, file: 'x.jpg', keywords: ['thüringen', 'Wald'] });
    expect(keywordCounts([kabinett!, other])).toEqual([
      { keyword: 'Digitalisierung', count: 1 },
      { keyword: 'Thüringen', count: 2 },
      { keyword: 'Wald', count: 1 },
    ]);
  });
});

describe('the selection of an ImageBrowser', () => {
  async function loaded() {
    fakeBackend();
    const browser = new ImageBrowser();
    await browser.load({});
    return browser;
  }
  const ids = (browser: ImageBrowser) => browser.selected.map((i) => i.id);

  it('selects by click, toggles with Ctrl, ranges with Shift, all, none', async () => {
    const browser = await loaded();
    expect(browser.images.map((i) => i.id)).toEqual([6, 5, 4, 3, 2, 1]);
    browser.click(1);
    expect(ids(browser)).toEqual([5]);
    browser.click(3, { toggle: true });
    expect(ids(browser)).toEqual([5, 3]);
    browser.click(1, { toggle: true });
    expect(ids(browser)).toEqual([3]);
    browser.click(5, { range: true }); // from the last clicked (index 1) to 5
    expect(ids(browser).sort()).toEqual([1, 2, 3, 4, 5]);
    browser.click(0);
    browser.moveTo(2, true);
    expect(ids(browser)).toEqual([6, 5, 4]);
    browser.moveTo(3);
    expect(ids(browser)).toEqual([3]);
    browser.selectAll();
    expect(browser.selection.size).toBe(6);
    browser.clear();
    expect(browser.selection.size).toBe(0);
  });

  it('takes changed pictures into the list and the selection', async () => {
    const browser = await loaded();
    browser.click(0);
    browser.replace([{ ...browser.images[0]!, credit_line: 'neu' }]);
    expect(browser.images[0]!.credit_line).toBe('neu');
    expect(browser.selected[0]!.credit_line).toBe('neu');
  });

  it('holds one picture at most when single', async () => {
    fakeBackend();
    const browser = new ImageBrowser({ multiple: false });
    await browser.load({});
    browser.click(0);
    browser.click(2, { toggle: true });
    browser.selectAll();
    expect(ids(browser)).toEqual([4]);
  });
});

describe('credit presets', () => {
  it('keeps own presets in the library and suggests the most used credits no preset has', async () => {
    const backend = fakeBackend();
    await addPreset({ credit: ' Landtag Thüringen ', license: 'handout' });
    await addPreset({ credit: 'Pixabay', source: 'pixabay.com' });
    expect(ownPresets()).toEqual([
      { credit: 'Landtag Thüringen', license: 'handout' },
      { credit: 'Pixabay', source: 'pixabay.com' },
    ]);
    const stored = backend.callsOf('set_setting').at(-1)?.args;
    expect(stored?.key, 'the presets are the library setting credit_presets').toBe('credit_presets');
    expect(JSON.parse(stored?.value as string)).toHaveLength(2);
    await removePreset('pixabay');
    expect(ownPresets().map((p) => p.credit)).toEqual(['Landtag Thüringen']);
    expect(parsePresets(setting('credit_presets')), 'what the window shows is what the library holds').toEqual(ownPresets());
    expect(suggestedPresets(['dpa', 'Landtag Thüringen', 'Anna Muster', 'epd'])).toEqual([{ credit: 'Anna Muster' }, { credit: 'epd' }]);
  });

  it('ignores stored presets it cannot read', () => {
    expect(parsePresets(JSON.stringify([{ credit: '' }, 'x', { credit: 'ok', license: 'nonsense' }]))).toEqual([{ credit: 'ok' }]);
    expect(parsePresets('not json')).toEqual([]);
  });
});

describe('import progress', () => {
  it('follows the core’s channel and keeps the report', async () => {
    const backend = fakeBackend();
    backend.hold('import_images');
    const running = runImport(['/home/ba/Bilder/Termine']);
    await Promise.resolve();
    // Both files reported through the channel while the answer still waits.
    expect(importState().running).toBe(true);
    expect(importState().progress).toEqual({ done: 2, total: 2, file: 'termin-2.tif' });
    backend.release('import_images');
    const report = await running;
    expect(report?.imported.map((i) => i.file)).toEqual(['termin-1.jpg', 'termin-2.tif']);
    expect(importState()).toMatchObject({ running: false, progress: null, report });
  });
});

describe('readiness problems of library pictures', () => {
  const problem = (code: ReadinessProblem['code'], detail: string): ReadinessProblem => ({ field: 'images[1]', problem: 'english', code, detail, blocking: true });

  it('are worded in German and English', () => {
    expect(problemText(problem('license_expired', 'kabinett.jpg|2024-04-30'))).toBe('kabinett.jpg: Die Bildlizenz ist am 30.04.2024 abgelaufen.');
    expect(problemText(problem('not_in_library', '2'))).toBe('Bild 2 ist nicht mehr in der Bildbibliothek; bitte neu einfügen.');
    setLocale('en');
    expect(problemText(problem('license_expired', 'a|b.jpg|2024-04-30'))).toBe('a|b.jpg: the image license ended on 30/04/2024.');
    expect(problemText(problem('not_in_library', '3'))).toBe('Picture 3 is no longer in the image library; please insert it again.');
  });
});
