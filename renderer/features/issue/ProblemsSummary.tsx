import { Alert, AlertTitle } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { IssueProblem } from '../../../shared/ipc/channels/issue';

/** Problems that have no field of their own in the form (seller data, other schema errors). */
export function ProblemsSummary({ problems }: { problems: IssueProblem[] }) {
  const { t, i18n } = useTranslation();
  const errors = problems.filter((problem) => problem.severity === 'error');
  const warnings = problems.filter((problem) => problem.severity === 'warning');
  const text = (problem: IssueProblem) => {
    const words = problem.code ? t(`issue.validation.${problem.code}`, { defaultValue: problem.code }) : i18n.language === 'en' ? problem.message : problem.messagePl;
    return problem.elementPath ? `${problem.elementPath}: ${words}` : words;
  };
  return (
    <>
      {errors.length > 0 ? (
        <Alert severity="error" data-testid="issue-problems">
          <AlertTitle>{t('issue.problems.title')}</AlertTitle>
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            {errors.map((problem, index) => (
              <li key={index}>{text(problem)}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {warnings.length > 0 ? (
        <Alert severity="warning" data-testid="issue-warnings">
          <AlertTitle>{t('issue.problems.warnings')}</AlertTitle>
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            {warnings.map((problem, index) => (
              <li key={index}>{text(problem)}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
    </>
  );
}
