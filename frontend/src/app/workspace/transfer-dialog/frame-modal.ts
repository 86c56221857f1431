/**
 * How the transfer and consult dialogs sit in a small viewport, such as the call bar framed by a
 * CRM page: at the top instead of 100 px down, no wider than the frame (ng-zorro already caps the
 * width), and the body scrolls so that the title and the buttons stay in view.
 */
export const FRAME_MODAL = {
  style: { top: '8px', paddingBottom: '8px' },
  // Never less than a field's worth: in a frame too short for the dialog, the frame scrolls instead.
  bodyStyle: {
    maxHeight: 'max(96px, calc(100vh - 140px))',
    overflowY: 'auto',
    padding: '12px 16px',
  },
} as const;
