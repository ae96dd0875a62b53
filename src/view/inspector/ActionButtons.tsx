/** The selected entity's one-click commands, each with its keyboard shortcut in its title. */
import type { EntityAction } from '../../app/entityActions';
import { useLab } from '../labContext';

export function ActionButtons({ actions }: { actions: EntityAction[] }) {
  const { requestCommand } = useLab();
  if (actions.length === 0) return null;
  return (
    <div className="action-buttons">
      {actions.map((action) => (
        <button
          key={action.id}
          type="button"
          disabled={action.disabled}
          aria-pressed={action.pressed}
          aria-keyshortcuts={action.key}
          title={action.key ? `${action.label} (key ${action.key.toUpperCase()})` : action.label}
          className={action.id === 'crash' ? 'danger' : undefined}
          onClick={() => requestCommand(action.command)}
        >
          {action.label}
          {action.key && <kbd aria-hidden="true">{action.key.toUpperCase()}</kbd>}
        </button>
      ))}
    </div>
  );
}
