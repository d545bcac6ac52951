/**
 * electron-builder cannot run here (it downloads Electron), so its config is checked instead:
 * loaded and validated by the installed electron-builder's own code (the first thing a real
 * `electron-builder` run does), and for the security fuses ARCHITECTURE.md requires.
 */
import { fileURLToPath } from 'node:url';

import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { beforeAll, describe, expect, it } from 'vitest';

const projectDir = fileURLToPath(new URL('../..', import.meta.url));
let config: Awaited<ReturnType<typeof getConfig>>;

beforeAll(async () => {
  config = await getConfig(projectDir, 'electron-builder.yml', null);
});

describe('electron-builder.yml', () => {
  it("matches electron-builder's configuration schema", async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('sets the security fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('packages the built app only, for every desktop platform', () => {
    // electron-builder normalises `files` into one filter set.
    expect(config.files).toEqual([{ filter: ['out/**/*', 'package.json', '!**/*.map'] }]);
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.mac?.target).toEqual(['dmg']);
  });
});
