/** Whether root/dist holds a successful build of the current sources (fresh.mjs). */
export function distIsFresh(root: string): boolean;
