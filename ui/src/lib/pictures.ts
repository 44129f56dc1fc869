// A library picture as the UI names and shows it. An article names a picture of the image
// library by its content address, "sha256:" and the hash of its bytes (the Rust core's
// convention; the `ndimage:` protocol takes the same name).
import { convertFileSrc } from '@tauri-apps/api/core';

/** What starts an article's picture name that is a content address in the image library. */
export const LIBRARY_PICTURE_PREFIX = 'sha256:';

/** The name an article gives the library's picture with content hash `hash`. */
export function libraryPictureName(hash: string): string {
  return `${LIBRARY_PICTURE_PREFIX}${hash}`;
}

/**
 * True when an article's picture is one of the library's (`sha256:…`). The core leaves an
 * empty `file` out of the JSON, so it may be missing here although the type says string.
 */
export function isLibraryPicture(file: string | null | undefined): file is string {
  return typeof file === 'string' && file.startsWith(LIBRARY_PICTURE_PREFIX);
}

/**
 * The address of a library picture for `<img src>`, served by the Rust core: `picture` is
 * its id or an article's `sha256:…` name. (`ndimage://localhost/…` on Linux and macOS,
 * `http://ndimage.localhost/…` on Windows: Tauri's `convertFileSrc` knows which.)
 */
export function imageUrl(picture: number | string, size: 'thumb' | 'preview' | 'original' = 'thumb'): string {
  return `${convertFileSrc('', 'ndimage')}${String(picture)}/${size}`;
}
