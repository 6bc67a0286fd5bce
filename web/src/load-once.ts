// A chunk loaded the first time it is asked for (the German texts, KaTeX): one request however
// many views ask at once; when its file does not load (a copy of the script without its
// sibling files) the answer is false, and a later call tries again.

/** `load()` once, handing its module to `use`; resolves true when loaded, false when it failed. */
export function loadOnce<M>(load: () => Promise<M>, use: (module: M) => void): () => Promise<boolean> {
  let loaded = false;
  let pending: Promise<boolean> | null = null;
  return () => {
    if (loaded) return Promise.resolve(true);
    return (pending ??= load().then(
      (module) => {
        use(module);
        loaded = true;
        return true;
      },
      () => {
        pending = null;
        return false;
      },
    ));
  };
}
