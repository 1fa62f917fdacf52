// picomatch 2 ships no types: the two calls used here.
declare module 'picomatch' {
  interface Options {
    dot?: boolean;
  }
  function picomatch(glob: string | string[], options?: Options): (path: string) => boolean;
  namespace picomatch {
    function isMatch(path: string, glob: string | string[], options?: Options): boolean;
  }
  export default picomatch;
}
