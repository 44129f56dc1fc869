import type { ImageRef } from '../lib/ipc/bindings';

/** 1-based numbers of the images that have no credit ("no picture published without a credit"). */
export function imagesWithoutCredit(images: readonly ImageRef[]): number[] {
  return images.flatMap((image, index) => (image.credit.trim() === '' ? [index + 1] : []));
}
