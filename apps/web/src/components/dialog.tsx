import { useEffect, useId, useRef, type ReactNode } from 'react';

interface DialogProps {
  title: string;
  /** One sentence under the title saying what the dialog does or what will happen. */
  description?: ReactNode;
  isOpen: boolean;
  onClose: () => void;
  children: ReactNode;
  size?: 'small' | 'large';
}

/**
 * Modal dialog on the native <dialog> element: `showModal()` makes the rest of the page inert
 * (the focus trap), Escape closes it, and focus returns to whatever opened it.
 */
export function Dialog({ title, description, isOpen, onClose, children, size = 'small' }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || !isOpen) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
    const firstField =
      dialog.querySelector<HTMLElement>('[data-autofocus]') ?? dialog.querySelector<HTMLElement>('.dialog-body :is(input:not([type=hidden]), select, textarea, button)');
    firstField?.focus();
    return () => {
      if (typeof dialog.close === 'function' && dialog.open) dialog.close();
      else dialog.removeAttribute('open');
      opener?.focus();
    };
  }, [isOpen]);

  if (!isOpen) return null;
  return (
    <dialog
      ref={ref}
      className={`dialog dialog-${size}`}
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onCancel={(event) => {
        // Escape: let React state drive closing so the dialog and its owner never disagree.
        event.preventDefault();
        onCloseRef.current();
      }}
      onClose={() => {
        // The browser may close a modal itself (a repeated Escape); keep React state in step.
        if (isOpen) onCloseRef.current();
      }}
    >
      <header className="dialog-header">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="dialog-close" aria-label={`Close ${title}`} onClick={() => onCloseRef.current()}>
          <span aria-hidden="true">×</span>
        </button>
      </header>
      {description ? (
        <p id={descriptionId} className="dialog-description">
          {description}
        </p>
      ) : null}
      <div className="dialog-body">{children}</div>
    </dialog>
  );
}
