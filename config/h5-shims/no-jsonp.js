// Taro H5 bundles a JSONP client for `Taro.request({ jsonp: true })`; this app never asks for JSONP.
export default function jsonpUnsupported() {
  return Promise.reject(new Error('JSONP requests are not used by this app'))
}
