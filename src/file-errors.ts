/**
 * What went wrong with a file, said for people: Node's `ENOENT: no such file or directory, open
 * 'nodir/.x.json.rel-14960-…'` names an errno and, often, a temporary file the user never heard of.
 */
import { dirname } from 'node:path';

/**
 * Why writing or reading `path` (the path the user gave) failed, or undefined when `e` is not a file
 * system error. Never mentions another path than `path` and its folder.
 */
export function fileReason(e: unknown, path: string): string | undefined {
  const code = (e as { code?: unknown }).code;
  if (typeof code !== 'string' || !/^E[A-Z]+$/.test(code)) return undefined;
  const dir = dirname(path);
  switch (code) {
    case 'ENOENT':
      return `the folder ${dir} does not exist`;
    case 'ENOTDIR':
      return `${dir} is not a folder`;
    case 'EACCES':
    case 'EPERM':
      return `permission denied (can you write to ${dir}?)`;
    case 'EISDIR':
      return `${path} is a folder`;
    case 'ENOSPC':
      return 'the disk is full';
    case 'EROFS':
      return 'the file system is read-only';
    case 'EDQUOT':
      return 'the disk quota is used up';
    default: // "EIO: i/o error, write" -> "i/o error": no errno, no temporary file's name
      return String((e as { message?: unknown }).message ?? code)
        .replace(/^E[A-Z]+: /, '')
        .replace(/, \w+(?: '[^']*')*$/, '');
  }
}
