/**
 * The page: time controls on top, the partition lanes, the consumer groups, and a message line
 * (role="alert") for anything refused.
 */
import type { AppState } from '../app/store';
import { useAppStore } from '../app/useAppStore';
import { GroupsPanel } from './GroupsPanel';
import { TopicLanes } from './TopicLanes';
import { Toolbar } from './Toolbar';

const selectMessage = (state: AppState) => state.ui.message;

export function App() {
  const message = useAppStore(selectMessage);
  return (
    <div className="app">
      <Toolbar />
      {message && (
        <div role="alert" className={`message message-${message.kind}`}>
          {message.text}
        </div>
      )}
      <main className="workspace">
        <TopicLanes />
        <GroupsPanel />
      </main>
    </div>
  );
}
