// WCAG contrast of text in the page against what is painted behind it: how a browser test checks that
// both colour schemes can be read, rather than only taking their picture.

import type { Page } from 'playwright-core';

/** WCAG 2.2 AA minimum for normal-size text (success criterion 1.4.3). */
export const minimumTextContrast = 4.5;

/**
 * The contrast ratio (1 to 21) of the text of the first visible element matching each selector, against
 * the background colours of it and its ancestors composed as the page paints them (semi-transparent ones
 * over what is below). Null for a selector with no visible element. Background images are not considered:
 * the app's text sits on plain colours.
 */
export async function textContrast(page: Page, selectors: readonly string[]): Promise<Record<string, number | null>> {
  // Runs in the page (this file is type-checked without the DOM library, so the script is a string). A 1x1
  // canvas turns any CSS colour the browser computes (rgb(), color(srgb ...) from color-mix()) into RGBA bytes.
  return await page.evaluate<Record<string, number | null>>(`(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 1;
    canvas.height = 1;
    const context = canvas.getContext('2d', { willReadFrequently: true });
    const rgba = (css) => {
      context.clearRect(0, 0, 1, 1);
      context.fillStyle = css;
      context.fillRect(0, 0, 1, 1);
      const [r, g, b, a] = context.getImageData(0, 0, 1, 1).data;
      return [r, g, b, a / 255];
    };
    const over = (top, below) => [0, 1, 2].map((i) => top[i] * top[3] + below[i] * (1 - top[3])).concat(1);
    const luminance = (color) => {
      const [r, g, b] = color.slice(0, 3).map((c) => {
        const s = c / 255;
        return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const background = (element) => {
      const layers = [];
      for (let el = element; el !== null; el = el.parentElement) {
        const color = rgba(getComputedStyle(el).backgroundColor);
        if (color[3] > 0) layers.push(color);
        if (color[3] >= 1) break;
      }
      // Nothing opaque behind it (Verbatim paints html and body, so only a bug gets here): assume white.
      let painted = [255, 255, 255, 1];
      for (const layer of layers.reverse()) painted = over(layer, painted);
      return painted;
    };
    const result = {};
    for (const selector of ${JSON.stringify(selectors)}) {
      const element = Array.from(document.querySelectorAll(selector)).find((el) => el.getClientRects().length > 0);
      if (element === undefined) {
        result[selector] = null;
        continue;
      }
      const behind = background(element);
      const text = over(rgba(getComputedStyle(element).color), behind);
      const [light, dark] = [luminance(text), luminance(behind)].sort((a, b) => b - a);
      result[selector] = Math.round(((light + 0.05) / (dark + 0.05)) * 100) / 100;
    }
    return result;
  })()`);
}
