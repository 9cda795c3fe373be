import { effect } from '@preact/signals';
import { render } from 'preact';
import { language } from './lib/i18n.ts';
import { loadViewer } from './lib/viewer.ts';
import { Shell } from './shell/shell.tsx';
import './styles.css';

effect(() => {
  document.documentElement.lang = language.value;
});

void loadViewer();
render(<Shell />, document.getElementById('app') as HTMLElement);
