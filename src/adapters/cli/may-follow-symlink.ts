/** Who owns a symbolic link, the folder it sits in, and who wants to follow it (uids, and the folder's mode). */
export interface SymlinkOwnership {
  linkOwner: number;
  folderMode: number;
  folderOwner: number;
  follower: number;
}

const STICKY = 0o1000;
const OTHERS_WRITE = 0o002;

/** True for a folder like /tmp: anyone may add entries (world-writable), only their owner may remove them (sticky). */
export function isStickyWorldWritable(mode: number): boolean {
  return (mode & (STICKY | OTHERS_WRITE)) === (STICKY | OTHERS_WRITE);
}

/**
 * The kernel's rule of fs.protected_symlinks=1, which fanbase applies even where the sysctl is off: a link
 * in a sticky world-writable folder is followed only if the follower or the folder's owner made it, since
 * anyone else could have planted it there to aim a write at a file the follower may change (root above all).
 */
export function mayFollowSymlink({
  linkOwner,
  folderMode,
  folderOwner,
  follower,
}: SymlinkOwnership): boolean {
  return !isStickyWorldWritable(folderMode) || linkOwner === follower || linkOwner === folderOwner;
}
