/**
 * WeChat's own styles for its <button> (base library, classic style, as the DevTools renderer injects them ahead of the
 * app's stylesheets): the rules a house button has to outrank. Only the selectors and the properties matter here.
 */
export const WECHAT_BUTTON_RULES: ReadonlyArray<{ selector: string; properties: Record<string, string> }> = [
  {
    selector: 'wx-button',
    properties: {
      position: 'relative',
      display: 'block',
      'margin-left': 'auto',
      'margin-right': 'auto',
      'padding-left': '14px',
      'padding-right': '14px',
      'font-size': '18px',
      'line-height': '2.55555556',
      'border-radius': '5px',
      color: '#000',
      'background-color': '#f8f8f8'
    }
  },
  { selector: 'wx-button::after', properties: { display: 'block', border: '1px solid rgba(0,0,0,.2)' } },
  { selector: 'wx-button[type=default]', properties: { color: '#000', 'background-color': '#f8f8f8' } },
  { selector: 'wx-button[disabled]', properties: { color: 'rgba(255,255,255,.6)' } },
  { selector: 'wx-button[disabled]:not([type])', properties: { color: 'rgba(0,0,0,.3)', 'background-color': '#f7f7f7' } },
  { selector: 'wx-button[disabled][type=default]', properties: { color: 'rgba(0,0,0,.3)', 'background-color': '#f7f7f7' } },
  {
    selector: 'wx-button[size=mini]',
    properties: { display: 'inline-block', 'line-height': '2.3', 'font-size': '13px', 'padding-left': '1.34em', 'padding-right': '1.34em' }
  },
  { selector: '.button-hover', properties: { 'background-color': '#dedede' } }
]
