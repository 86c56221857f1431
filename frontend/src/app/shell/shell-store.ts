import { signalStore, withHooks, withMethods, withState, patchState } from '@ngrx/signals';

const COLLAPSED_KEY = 'cc.shell.collapsed';

/** Layout state of the console shell (the sider remembers whether it was collapsed). */
export const ShellStore = signalStore(
  withState({ collapsed: false }),
  withMethods((store) => ({
    setCollapsed(collapsed: boolean): void {
      patchState(store, { collapsed });
      localStorage.setItem(COLLAPSED_KEY, String(collapsed));
    },
  })),
  withHooks({
    onInit(store) {
      patchState(store, { collapsed: localStorage.getItem(COLLAPSED_KEY) === 'true' });
    },
  }),
);
