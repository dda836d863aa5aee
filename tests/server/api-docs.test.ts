/** The HTTP reference generated from the route schemas: served with API_DOCS on (development), absent otherwise. */
import { buildTestApp, getJson, removeTempDirs } from './support/test-app'

afterAll(removeTempDirs)

it('serves the OpenAPI reference at /api/docs/json when API_DOCS is on, with the routes and their schemas', async () => {
  const app = buildTestApp({ env: { API_DOCS: 'true' } })
  try {
    const { status, body } = await getJson(app, '/api/docs/json')
    expect(status).toBe(200)
    expect(body.openapi).toMatch(/^3\./)
    // A worker route with its query parameters, and a staff route with its body.
    const newsList = body.paths['/api/news'].get
    expect(newsList.parameters.map((parameter: { name: string }) => parameter.name)).toEqual(expect.arrayContaining(['category', 'q', 'page']))
    const stationSave = body.paths['/api/staff/stations/{id}'].put
    expect(Object.keys(stationSave.requestBody.content['application/json'].schema.properties)).toEqual(expect.arrayContaining(['name', 'version']))
    expect(body.paths['/api/docs/json']).toBeUndefined()
  } finally {
    await app.close()
  }
})

it('is not served when API_DOCS is off, as in production by default', async () => {
  const app = buildTestApp({ env: { NODE_ENV: 'production' } })
  try {
    const { status, body } = await getJson(app, '/api/docs/json')
    expect(status).toBe(404)
    expect(body.error.code).toBe('NOT_FOUND')
  } finally {
    await app.close()
  }
})
