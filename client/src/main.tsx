import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app/global.css';
import { start } from './app/start';

const container = document.getElementById('root');
if (container !== null) void start(container);
