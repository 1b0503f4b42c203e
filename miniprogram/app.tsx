import { useEffect, type PropsWithChildren } from 'react';
import { startOutboxSync } from './services';
import { prefetchPages } from './services/prefetch-pages';
import './app.scss';
import './styles/h5-runtime';
import './first-page';

function App({ children }: PropsWithChildren) {
  // Queued sign-ups go out at launch and whenever the connection returns. (An effect rather than
  // useLaunch: Taro's H5 runtime fires onLaunch before the App component's hooks are registered.)
  useEffect(() => startOutboxSync(), []);
  useEffect(() => prefetchPages(), []);
  return children;
}

export default App;
