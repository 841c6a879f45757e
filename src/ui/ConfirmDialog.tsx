/**
 * "Are you sure?" before a costly tap: says what will happen, and its primary
 * button is named for the action ("Sell Kopi Club"), never just "OK".
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  title: string;
  children: ReactNode;
  /** The primary button's name: the action itself. */
  confirm: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** What cannot be undone (anonymising a member) starts on Cancel, not on the action. */
  irreversible?: boolean;
}

export default function ConfirmDialog({
  title,
  children,
  confirm,
  onConfirm,
  onCancel,
  irreversible = false,
}: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="dialog dialog--confirm"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      <div className="dialog__body">{children}</div>
      <div className="dialog__actions">
        <button
          type="button"
          className="button button--large"
          onClick={onCancel}
          autoFocus={irreversible}
        >
          {t('common.cancel')}
        </button>
        <button
          type="button"
          className="button button--primary button--large"
          onClick={onConfirm}
          autoFocus={!irreversible}
        >
          {confirm}
        </button>
      </div>
    </dialog>
  );
}
