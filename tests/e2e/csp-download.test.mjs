// The full page under the strictest policy the README names,
//   default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'
// (so img-src is 'self': no data: or blob: images): loading reports no violation (the
// favicon is a file of the page), and "Download PNG" gives a PNG of the diagram. The PNG is
// painted element by element (web/src/explorer/svg-raster.ts); it is compared, pixel by
// pixel, with Chromium's own rendering of the downloaded SVG in a page without a policy.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { STRICT_CSP, distDir, openBrowser, outside, serve } from './embed-support.mjs';

const POLICY = `default-src 'self'; ${STRICT_CSP}`;
let server;
let b;
before(async () => {
  server = await serve(distDir, { headers: { 'Content-Security-Policy': POLICY } });
  b = await openBrowser({ isForeign: outside(server.origin) });
});
after(async () => {
  await b?.close();
  await server?.close();
});

// Draws two images (PNG bytes) at the same size in a page with no policy and compares them.
async function compare(page, pngA, svgB, width, height) {
  return page.evaluate(async ({ a, svg, width, height }) => {
    const draw = async (blob) => {
      const url = URL.createObjectURL(blob);
      const img = new Image();
      await new Promise((ok, fail) => { img.onload = ok; img.onerror = () => fail(new Error('image did not load')); img.src = url; });
      const c = document.createElement('canvas');
      c.width = width;
      c.height = height;
      const ctx = c.getContext('2d');
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, width, height);
      ctx.drawImage(img, 0, 0, width, height);
      URL.revokeObjectURL(url);
      return ctx.getImageData(0, 0, width, height).data;
    };
    const bytes = Uint8Array.from(atob(a), (ch) => ch.charCodeAt(0));
    const pa = await draw(new Blob([bytes], { type: 'image/png' }));
    const pb = await draw(new Blob([svg], { type: 'image/svg+xml' }));
    let diff = 0, inkA = 0, inkB = 0, inkBoth = 0;
    const colours = new Set();
    for (let i = 0; i < pa.length; i += 4) {
      const d = Math.abs(pa[i] - pb[i]) + Math.abs(pa[i + 1] - pb[i + 1]) + Math.abs(pa[i + 2] - pb[i + 2]);
      diff += d;
      const a1 = pa[i] + pa[i + 1] + pa[i + 2] < 720, b1 = pb[i] + pb[i + 1] + pb[i + 2] < 720;
      inkA += a1;
      inkB += b1;
      inkBoth += a1 && b1;
      if (a1) colours.add((pa[i] >> 4) * 256 + (pa[i + 1] >> 4) * 16 + (pa[i + 2] >> 4));
    }
    const n = pa.length / 4;
    return { meanDiff: diff / (3 * n), inkA: inkA / n, inkB: inkB / n, overlap: inkBoth / Math.max(inkA, inkB), colours: colours.size };
  }, { a: pngA.toString('base64'), svg: svgB, width, height });
}

test('the page loads under default-src \'self\' with no violation, and Download PNG works', async () => {
  const page = b.page;
  await page.goto(server.url('index.html'));
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
  assert.ok(b.requests.some((u) => u.endsWith('/favicon.svg')), 'the favicon is requested from the page\'s origin');
  assert.deepEqual(await b.cspViolations(), [], 'no violation on load');
  await page.getByTestId('preset-select').selectOption('seed002');
  await page.getByRole('button', { name: 'Next phase' }).click();
  await page.getByRole('button', { name: 'Next phase' }).click();

  const svgDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download SVG' }).click();
  const svg = readFileSync(await (await svgDownload).path(), 'utf8');
  const pngDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download PNG' }).click();
  const download = await pngDownload;
  assert.match(download.suggestedFilename(), /\.png$/);
  const png = readFileSync(await download.path());
  await page.getByText('PNG downloaded.').waitFor();
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG file');
  const [, , vw, vh] = /viewBox="([^"]+)"/.exec(svg)[1].split(/\s+/).map(Number);
  const width = png.readUInt32BE(16), height = png.readUInt32BE(20);
  assert.equal(width, Math.round(vw * 2), 'the drawing at 2x');
  assert.equal(height, Math.round(vh * 2), 'with its legend');
  assert.ok(png.length > 20000, `PNG of ${png.length} bytes`);
  await b.shot('csp-download-page');
  await b.assertClean();

  // Compared with Chromium's rendering of the SVG, in a page without a policy.
  const plain = await b.context.newPage();
  try {
    await plain.goto('about:blank');
    const r = await compare(plain, png, svg, width, height);
    console.log(`# PNG vs SVG: ${JSON.stringify(r)}`);
    assert.ok(r.inkA > 0.02, `the PNG has a drawing on it (${r.inkA} of its pixels)`);
    assert.ok(r.colours >= 6, `in several colours (${r.colours})`);
    assert.ok(Math.abs(r.inkA - r.inkB) < 0.25 * r.inkB, `as much ink as the SVG (${r.inkA} vs ${r.inkB})`);
    assert.ok(r.overlap > 0.7, `in the same places (${r.overlap} of it overlaps)`);
    assert.ok(r.meanDiff < 6, `mean difference ${r.meanDiff} of 255 per channel`);
  } finally {
    await plain.close();
  }
});
