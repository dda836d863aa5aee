/**
 * Jest resolver for the page tests. `@tarojs/components` resolves to the React implementation the H5 build
 * uses (@tarojs/components-react), except inside that package, where one component imports a sibling through
 * the public name (refresher → View): that import is pointed at the sibling directly, so the two modules do not
 * require each other while they load.
 */
const path = require('path')

const componentsReact = path.dirname(require.resolve('@tarojs/components-react/package.json'))

module.exports = (request, options) => {
  if (request === '@tarojs/components') {
    if (options.basedir.startsWith(path.join(componentsReact, 'dist'))) {
      return path.join(__dirname, 'components-internal.js')
    }
    return path.join(componentsReact, 'dist/index.js')
  }
  return options.defaultResolver(request, options)
}
