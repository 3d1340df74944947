/**
 * `.astro` imports for plain `tsc` (astro check resolves them itself): the container API renders
 * any Astro component factory, so that is all the component tests need to know.
 */
declare module '*.astro' {
  const component: import('astro/runtime/server/index.js').AstroComponentFactory;
  export default component;
}
