/** Keeps one broken screen from blanking the whole workstation; local work is safe in IndexedDB anyway. */
import { Component, type ReactNode } from 'react';
import { t } from '../i18n';

type State = { error: Error | null };

export class ErrorBoundary extends Component<{ children: ReactNode; resetKey?: string }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidUpdate(previous: { resetKey?: string }): void {
    if (previous.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null });
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div role="alert" className="error-box">
        <strong>{t('app.screenFailed')}</strong>
        <p>{this.state.error.message}</p>
      </div>
    );
  }
}
