// README pictures as 64-colour PNGs: screenshots of VS Code hold few colours, and a palette keeps them sharp at about
// 37 % of the size (the .vsix carries them, and must stay under 1 MB). `node scripts/lib/compressPng.mjs FILE…`
// rewrites files in place; npm run screenshots applies it to every picture it keeps.
import { Buffer } from 'node:buffer';
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import upng from '@pdf-lib/upng';

// The package's CommonJS build nests its default export one level down when imported from an ES module.
const UPNG = upng.default ?? upng;

/** Enough for VS Code's themes and anti-aliased text (64 looks the same in the README; 256 took 10 % more than 128). */
const COLOURS = 64;

export function compressPng(bytes) {
  const image = UPNG.decode(bytes);
  const rgba = UPNG.toRGBA8(image);
  return Buffer.from(UPNG.encode(rgba, image.width, image.height, COLOURS));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const file of process.argv.slice(2)) {
    const before = await readFile(file);
    const after = compressPng(before);
    // A picture compressed already gains nothing: keep it byte for byte.
    if (after.length < before.length * 0.95) await writeFile(file, after);
    console.log(`${file}: ${before.length} → ${Math.min(after.length, before.length)} bytes`);
  }
}
