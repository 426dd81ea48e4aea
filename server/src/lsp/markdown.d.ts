// esbuild's text loader turns an imported .md file into its contents (scripts/bundle.mjs).
declare module '*.md' {
  const text: string;
  export default text;
}
