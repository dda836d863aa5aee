/**
 * jsdom for the page tests, living on the origin of the real API they call (as the H5 build served by the API does).
 * The API's port is picked per run (jest.config.js), so it cannot be written into testEnvironmentOptions.url: jest
 * keys its transform cache on the whole project config, and a port in it made every run transform every module
 * again (about 20 s before the first test of each project). The config names the variable holding the port instead.
 */
const { TestEnvironment } = require('jest-environment-jsdom')

class PageTestEnvironment extends TestEnvironment {
  constructor(config, context) {
    const { apiPortVariable, ...options } = config.projectConfig.testEnvironmentOptions
    const port = Number(process.env[apiPortVariable])
    if (!Number.isInteger(port) || port <= 0) throw new Error(`${apiPortVariable} is not set: run the page tests through jest.config.js`)
    super({ ...config, projectConfig: { ...config.projectConfig, testEnvironmentOptions: { ...options, url: `http://127.0.0.1:${port}/` } } }, context)
  }
}

module.exports = PageTestEnvironment
