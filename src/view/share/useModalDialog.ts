/**
 * A native <dialog> shown modally while its component is mounted: the browser traps focus,
 * closes it on Escape and returns focus to the control that opened it.
 */
import { useEffect, useRef, type KeyboardEvent } from 'react';

export function useModalDialog(onClose: () => void) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog === null) return;
    if (!dialog.open) dialog.showModal();
    // `close` fires a task after close(): under StrictMode's mount, unmount, mount the first
    // close arrives once the dialog is open again, and must not close it.
    const closed = () => {
      if (!dialog.open) onClose();
    };
    dialog.addEventListener('close', closed);
    return () => {
      dialog.removeEventListener('close', closed);
      if (dialog.open) dialog.close();
    };
  }, [onClose]);
  return ref;
}

/**
 * Keeps keys pressed inside a dialog from reaching the lab's window-wide shortcuts (Space would
 * play, arrows would step). Escape still closes the dialog: that is the browser's default action.
 */
export function keepKeysInside(event: KeyboardEvent): void {
  event.stopPropagation();
}
