// The platform's analyzer factory. Type-checked against the desktop one; esbuild.mjs swaps in analyzer.web.ts
// for the browser bundle so no Node built-in reaches the web extension.
export { createAnalyzer } from './analyzer.node';
