/**
 * Start-up: choose the transport, build the store, listen for backend `changed` events, and render
 * the app inside Blueprint's providers (hotkeys dialog, overlays, portals) and the router.
 */
import '@blueprintjs/core/lib/css/blueprint.css';
import '@blueprintjs/icons/lib/css/blueprint-icons.css';
import '@blueprintjs/select/lib/css/blueprint-select.css';
import { BlueprintProvider, FocusStyleManager } from '@blueprintjs/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Provider } from 'react-redux';
import { RouterProvider } from 'react-router';
import { setTransport } from './app/api';
import { subscribeToBackendEvents } from './app/events';
import { createAppRouter } from './app/router';
import { createStore } from './app/store';
import { paintInitialTheme } from './app/theme';
import { chooseTransport } from './app/transport';

paintInitialTheme();
// Focus rings for keyboard users only; a mouse click does not leave one behind.
FocusStyleManager.onlyShowFocusOnTabs();

const transport = chooseTransport();
setTransport(transport);
const store = createStore();
subscribeToBackendEvents(transport, store.dispatch);
const router = createAppRouter();

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <Provider store={store}>
      <BlueprintProvider
        hotkeysProviderDialogProps={{
          globalGroupName: 'Anywhere',
          title: 'Keyboard shortcuts',
          icon: 'key-command',
        }}
      >
        <RouterProvider router={router} />
      </BlueprintProvider>
    </Provider>
  </StrictMode>,
);
