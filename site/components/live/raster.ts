/**
 * Paints one W8ASpike spike raster of the live page (issue 15; report §3.3 bitwise-bidirectional trains):
 * one pixel per channel and time step, +1 and −1 in the theme's two colours. Runs for every raster of
 * every token on the main thread, so one 32-bit write per pixel and no allocation per pixel.
 */
export type RGB = [number, number, number];

export function drawRaster(
  canvas: HTMLCanvasElement,
  r: { T: number; channels: number; dense: number[] },
  colours: { bg: RGB; pos: RGB; neg: RGB },
): void {
  if (canvas.width !== r.channels) canvas.width = r.channels;
  if (canvas.height !== Math.max(1, r.T)) canvas.height = Math.max(1, r.T);
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const img = ctx.createImageData(canvas.width, canvas.height);
  // RGBA bytes in memory order, read as one 32-bit word in the platform's byte order
  const pack = (c: RGB) => new Uint32Array(new Uint8Array([c[0], c[1], c[2], 255]).buffer)[0]!;
  const [bg, pos, neg] = [pack(colours.bg), pack(colours.pos), pack(colours.neg)];
  const px = new Uint32Array(img.data.buffer);
  for (let i = 0; i < r.T * r.channels; i++) {
    const v = r.dense[i]!;
    px[i] = v > 0 ? pos : v < 0 ? neg : bg;
  }
  ctx.putImageData(img, 0, 0);
}
