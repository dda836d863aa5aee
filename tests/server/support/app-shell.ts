/**
 * A stand-in for the H5 build (dist/h5) for API tests that need the pages the server sends: an index.html as Taro
 * writes it (the rem script, the entry scripts deferred, app.css linked, `<div id="app">`), an entry script whose
 * router names each page's chunks as Taro's does, and those chunks' JS and CSS.
 */
import fs from 'node:fs'
import path from 'node:path'
import { makeTempDir } from './test-app'

export const SHELL_FILES = {
  appCss: '/css/app.1a2b3c4d.css',
  appJs: '/js/app.5e6f7a8b.js',
  stationJs: '/js/868.12345678.js',
  stationCss: '/css/868.87654321.css',
  homeJs: '/js/851.abcdef01.js',
  homeCss: '/css/851.10fedcba.css'
}

export const APP_CSS = 'body,page{background:#f6f4f2;color:#2b2523}'
/** A station page chunk's CSS: rules for the page's classes, one for a class it does not use, one in a media query. */
export const STATION_CSS =
  '.station-page__name{font-size:.9rem}.station-page__name .unused-inside{color:red}.page-root--elder .station-page__name{font-size:1.1rem}' +
  '.not-on-this-page{color:blue}@media (min-width:600px){.hours__row{padding:1rem}.wide-only{margin:0}}'

export function writeAppShell(): string {
  const dir = makeTempDir('miyun-h5-shell-')
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true })
    fs.writeFileSync(path.join(dir, file), text)
  }
  write(
    '/index.html',
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"/><title>密云工会</title><script>!function(){}()</script>' +
      `<script defer="defer" src="${SHELL_FILES.appJs}"></script><link href="${SHELL_FILES.appCss}" rel="stylesheet"></head>` +
      '<body><div id="app"></div><noscript>请开启浏览器的 JavaScript 以使用密云工会。</noscript></body></html>'
  )
  write(SHELL_FILES.appCss, APP_CSS)
  write(
    SHELL_FILES.appJs,
    'var routes=[Object.assign({"path":"pages/home/index","load":function(a,o){return[Promise.all([u.e(120),u.e(851)]).then(u.bind(u,1)),a,o]}},{}),' +
      'Object.assign({"path":"packages/stations/station/index","load":function(a,o){return[u.e(868).then(u.bind(u,4868)),a,o]}},{})];'
  )
  write('/js/120.00000000.js', '/* shared */')
  write(SHELL_FILES.stationJs, '/* station page */')
  write(SHELL_FILES.stationCss, STATION_CSS)
  write(SHELL_FILES.homeJs, '/* home page */')
  write(SHELL_FILES.homeCss, '.news-card__title{font-weight:600}.home__competitions{margin:0}')
  return dir
}

/** Where the page's script moves the app before its router starts (history.replaceState), if it does. */
export function appPathOf(html: string): string | undefined {
  const match = /history\.replaceState\(history\.state,'',("[^"]*")\)/.exec(html)
  return match ? (JSON.parse(match[1]) as string) : undefined
}
