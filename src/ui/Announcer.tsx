import { announcement } from './announcer';
import { useObservable } from './useObservable';

export function Announcer() {
  const a = useObservable(announcement);
  return (
    <div className="announcer" role="status" aria-live="polite">
      {a && (
        <p key={a.id} className={`toast toast--${a.tone}`}>
          {a.text}
        </p>
      )}
    </div>
  );
}
