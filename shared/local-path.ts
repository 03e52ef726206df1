/**
 * Which paths the app may touch: absolute paths on this machine only. A UNC
 * path (`\\host\share\…`, `//host/…`) would make Windows open an SMB connection
 * to that host — and send the user's NTLM hash — on a mere stat or watch, and a
 * device path (`\\?\…`, `\\.\…`) reaches past the file system; both are refused
 * wherever a path arrives: IPC, the watch list, a restored backup. Pure string
 * tests: shared/ cannot use node:path.
 */

/** Why `p` is not a local absolute path, or null when it is one. */
export function pathProblem(p: string): string | null {
  if (p.includes('\0')) return 'contains NUL';
  if (/^[\\/]{2}[?.][\\/]/.test(p)) return 'is a device path';
  if (/^[\\/]{2}/.test(p)) return 'is a network (UNC) path';
  if (/^[A-Za-z]:[\\/]/.test(p) || p.startsWith('/')) return null;
  return 'is not an absolute path';
}

export const isLocalAbsolutePath = (p: string): boolean => pathProblem(p) === null;
