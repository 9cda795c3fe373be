import { t } from '../lib/i18n.ts';
import { LanguageSwitch } from './language-switch.tsx';
import { SystemStatus } from './system-status.tsx';

export function Shell() {
  return (
    <>
      <header class="header">
        <h1 class="brand">Điểm cầu</h1>
        <LanguageSwitch />
      </header>
      <main class="main">
        <SystemStatus />
      </main>
      <footer class="footer">{t('app.tagline')}</footer>
    </>
  );
}
