import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

type Files = Record<string, string | Buffer>;

function csv(rows: number, header: string, row: (i: number) => string) {
  return [header, ...Array.from({ length: rows }, (_, i) => row(i + 1))].join('\n') + '\n';
}

/** A file share's worth of documents: text, a spreadsheet, a nested folder and a binary. */
function shareFiles(name: string): Files {
  return {
    'README.txt': `The ${name} share of files01, protected by the demo job "Protect files01".\nEdit, add or delete files here and watch the replica on files02 follow.\n`,
    [`${name.toLowerCase()}-register.csv`]: csv(200, 'id,owner,amount', (i) => `${i},user${i % 17},${(i * 37.5).toFixed(2)}`),
    'archive/2024/summary.md': `# ${name} 2024\n\nKept for the audit.\n`,
    'archive/2024/attachment.bin': randomBytes(256 * 1024),
  };
}

/** A modelled system volume of a web server. */
function volumeFiles(): Files {
  return {
    'inetpub/wwwroot/index.html': '<!doctype html><title>web01</title><h1>Served by web01</h1>\n',
    'inetpub/wwwroot/app.config': 'connection=Server=web01;Database=shop\n',
    'Program Files/Contoso Shop/shop.dll': randomBytes(512 * 1024),
    'Program Files/Contoso Shop/settings.json': '{ "orders": "C:\\\\data\\\\orders" }\n',
    'data/orders.csv': csv(500, 'order,customer,total', (i) => `${1000 + i},customer${i % 41},${(i * 12.25).toFixed(2)}`),
    'Windows/System32/config/SYSTEM': randomBytes(128 * 1024),
  };
}

/** A modelled system volume of a domain controller: the directory database and the policies share. */
function domainControllerFiles(): Files {
  return {
    'Windows/NTDS/ntds.dit': randomBytes(256 * 1024),
    'Windows/NTDS/edb.log': randomBytes(64 * 1024),
    'Windows/SYSVOL/domain/Policies/{31B2F340-016D-11D2-945F-00C04FB984F9}/GPT.INI': '[General]\nVersion=3\n',
    'Windows/System32/config/SYSTEM': randomBytes(128 * 1024),
  };
}

/** Writes the files beside `dir`, then renames: a start interrupted half-way seeds again next time. */
function seedFolder(dir: string, files: Files) {
  if (existsSync(dir)) return;
  const partial = `${dir}.seeding`;
  rmSync(partial, { recursive: true, force: true });
  for (const [path, content] of Object.entries(files)) {
    const file = join(partial, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  renameSync(partial, dir);
}

/**
 * Seeds each folder that does not exist yet (so on first start only): what is there afterwards is the
 * newcomer's to change, and a restart never overwrites it.
 */
export function seedFolders(folders: { shares: string[]; volume: string; domainControllerVolume: string }) {
  for (const share of folders.shares) seedFolder(share, shareFiles(basename(share)));
  seedFolder(folders.volume, volumeFiles());
  seedFolder(folders.domainControllerVolume, domainControllerFiles());
}
