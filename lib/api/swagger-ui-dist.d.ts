// The one part of swagger-ui-dist (which ships no types) the portal uses: where its files are.
declare module 'swagger-ui-dist/absolute-path.js' {
  const absolutePath: () => string;
  export default absolutePath;
}
