import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { GRAPHIQL_START_SCRIPT } from './graphiql-start';

/** A file the explorer page loads, as sent: its bytes, gzipped once, and its type. */
export interface Asset {
  type: string;
  body: Buffer;
  gzipped: Buffer;
}

const JS = 'text/javascript; charset=utf-8';

/**
 * Every file of the self-hosted explorer, by the name it is served under: GraphiQL's own build
 * (with its fonts inline in the stylesheet), the React it runs on, graphql-ws's browser client (for
 * subscriptions), and the script that starts it.
 * All come from npm packages installed with the gateway, none from a CDN.
 */
const FILES: Record<string, { type: string; source: { package: string; path: string } | { text: string } }> = {
  'graphiql.min.css': { type: 'text/css; charset=utf-8', source: { package: 'graphiql', path: 'graphiql.min.css' } },
  'graphiql.min.js': { type: JS, source: { package: 'graphiql', path: 'graphiql.min.js' } },
  'react.production.min.js': { type: JS, source: { package: 'react', path: 'umd/react.production.min.js' } },
  'react-dom.production.min.js': { type: JS, source: { package: 'react-dom', path: 'umd/react-dom.production.min.js' } },
  'graphql-ws.min.js': { type: JS, source: { package: 'graphql-ws', path: 'umd/graphql-ws.min.js' } },
  'start.js': { type: JS, source: { text: GRAPHIQL_START_SCRIPT } },
};

export const ASSET_NAMES = Object.keys(FILES);

const loaded = new Map<string, Promise<Asset>>();
const resolvePackage = createRequire(__filename).resolve;

async function load(name: string): Promise<Asset> {
  const file = FILES[name]!;
  const body =
    'text' in file.source
      ? Buffer.from(file.source.text, 'utf8')
      : // Packages export none of these files: found from their package.json, which they do export.
        await readFile(join(dirname(resolvePackage(`${file.source.package}/package.json`)), file.source.path));
  return { type: file.type, body, gzipped: await promisify(gzip)(body) };
}

/** The asset named `name`, read from its package on first use and kept; undefined for any other name. */
export function explorerAsset(name: string): Promise<Asset> | undefined {
  if (!Object.hasOwn(FILES, name)) return undefined;
  let asset = loaded.get(name);
  if (!asset) {
    asset = load(name);
    // A read that failed (a broken install) is tried again by the next request.
    asset.catch(() => loaded.delete(name));
    loaded.set(name, asset);
  }
  return asset;
}
