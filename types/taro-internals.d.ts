// The React framework plugin's runtime ships without type declarations; the page tests use one function from it.
declare module '@tarojs/plugin-framework-react/dist/runtime' {
  export function createH5NativeComponentConfig(component: unknown, react: unknown, reactDOM: unknown): unknown
}
