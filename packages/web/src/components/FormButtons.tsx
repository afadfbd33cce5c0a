/** A form's submit button (its label changes while the call runs) and "Fortryd". */
export function FormButtons({ busy, label, busyLabel, onCancel, danger = false }: { busy: boolean; label: string; busyLabel: string; onCancel: () => void; danger?: boolean }) {
  return (
    <div className="button-row">
      <button type="submit" className={danger ? 'button button-danger' : 'button'} disabled={busy}>
        {busy ? busyLabel : label}
      </button>
      <button type="button" className="button button-secondary" onClick={onCancel}>
        Fortryd
      </button>
    </div>
  );
}
