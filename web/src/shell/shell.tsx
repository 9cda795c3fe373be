import type { ComponentType } from 'preact';
import { ErrorBoundary, LocationProvider, lazy, Route, Router } from 'preact-iso';
import { markNavigated } from '../components/page.tsx';
import { t } from '../lib/i18n.ts';
import { Header } from './header.tsx';
import { HomePage } from './home-page.tsx';
import { NotFoundPage, PageLoadFailed } from './not-found-page.tsx';
import { RequireViewer } from './require-viewer.tsx';

/** A page in a chunk of its own, loaded when first visited; if the chunk can't be fetched, says so. */
function lazyPage(load: () => Promise<ComponentType>) {
  return lazy<ComponentType>(() => load().catch(() => PageLoadFailed));
}

const SignInPage = lazyPage(() => import('../account/sign-in-page.tsx').then((m) => m.SignInPage));
const AccountPage = lazyPage(() => import('../account/account-page.tsx').then((m) => m.AccountPage));
const UnitsPage = lazyPage(() => import('../admin/units-page.tsx').then((m) => m.UnitsPage));
const AccountsPage = lazyPage(() => import('../admin/accounts-page.tsx').then((m) => m.AccountsPage));
const AnalyticsListPage = lazyPage(() => import('../analytics/analytics-page.tsx').then((m) => m.AnalyticsListPage));
const AnalyticsSurveyPage = lazyPage(() =>
  import('../analytics/analytics-page.tsx').then((m) => m.AnalyticsSurveyPage),
);
const SurveyListPage = lazyPage(() => import('../surveys/survey-list-page.tsx').then((m) => m.SurveyListPage));
const NewSurveyPage = lazyPage(() => import('../surveys/survey-list-page.tsx').then((m) => m.NewSurveyPage));
const SurveyPage = lazyPage(() => import('../surveys/survey-page.tsx').then((m) => m.SurveyPage));
const BuilderPage = lazyPage(() => import('../surveys/builder-page.tsx').then((m) => m.BuilderPage));
const AssignPage = lazyPage(() => import('../surveys/assign-page.tsx').then((m) => m.AssignPage));
const ProgressPage = lazyPage(() => import('../surveys/progress-page.tsx').then((m) => m.ProgressPage));

/** The organizer's survey pages: ORGANIZER and ADMIN accounts (the server checks the scope of each survey). */
function surveyRoute(Inner: ComponentType) {
  return function SurveyRoute() {
    return (
      <RequireViewer roles={['ADMIN', 'ORGANIZER']}>
        <Inner />
      </RequireViewer>
    );
  };
}

const SurveyListRoute = surveyRoute(SurveyListPage);
const NewSurveyRoute = surveyRoute(NewSurveyPage);
const SurveyRoute = surveyRoute(SurveyPage);
const BuilderRoute = surveyRoute(BuilderPage);
const AssignRoute = surveyRoute(AssignPage);
const ProgressRoute = surveyRoute(ProgressPage);
const ConferencesPage = lazyPage(() => import('../live/conferences-page.tsx').then((m) => m.ConferencesPage));
const ConferencePage = lazyPage(() => import('../live/conference-page.tsx').then((m) => m.ConferencePage));
const DashboardPage = lazyPage(() => import('../live/dashboard-page.tsx').then((m) => m.DashboardPage));
const CheckInSheetPage = lazyPage(() => import('../live/check-in-sheet-page.tsx').then((m) => m.CheckInSheetPage));

/** The conference pages: organizers, analysts and admins whose scope covers the conference. */
function conferenceRoute(Inner: ComponentType) {
  return function ConferenceRoute() {
    return (
      <RequireViewer roles={['ADMIN', 'ORGANIZER', 'ANALYST']}>
        <Inner />
      </RequireViewer>
    );
  };
}

const ConferencesRoute = conferenceRoute(ConferencesPage);
const ConferenceRoute = conferenceRoute(ConferencePage);
const DashboardRoute = conferenceRoute(DashboardPage);
const CheckInSheetRoute = conferenceRoute(CheckInSheetPage);

function AccountRoute() {
  return (
    <RequireViewer>
      <AccountPage />
    </RequireViewer>
  );
}

function UnitsRoute() {
  return (
    <RequireViewer roles={['ADMIN']}>
      <UnitsPage />
    </RequireViewer>
  );
}

function AccountsRoute() {
  return (
    <RequireViewer roles={['ADMIN']}>
      <AccountsPage />
    </RequireViewer>
  );
}

function AnalyticsListRoute() {
  return (
    <RequireViewer roles={['ADMIN', 'ORGANIZER', 'ANALYST']}>
      <AnalyticsListPage />
    </RequireViewer>
  );
}

function AnalyticsSurveyRoute() {
  return (
    <RequireViewer roles={['ADMIN', 'ORGANIZER', 'ANALYST']}>
      <AnalyticsSurveyPage />
    </RequireViewer>
  );
}

/** Header, the page of the current address, footer. The server serves index.html for each of these paths. */
export function Shell() {
  return (
    <LocationProvider>
      <Header />
      <main class="main" id="main" tabIndex={-1}>
        <ErrorBoundary>
          <Router onRouteChange={markNavigated}>
            <Route path="/" component={HomePage} />
            <Route path="/sign-in" component={SignInPage} />
            <Route path="/account" component={AccountRoute} />
            <Route path="/admin/units" component={UnitsRoute} />
            <Route path="/admin/accounts" component={AccountsRoute} />
            <Route path="/analytics" component={AnalyticsListRoute} />
            <Route path="/analytics/:id" component={AnalyticsSurveyRoute} />
            <Route path="/surveys" component={SurveyListRoute} />
            <Route path="/surveys/new" component={NewSurveyRoute} />
            <Route path="/surveys/:id" component={SurveyRoute} />
            <Route path="/surveys/:id/builder" component={BuilderRoute} />
            <Route path="/surveys/:id/assign" component={AssignRoute} />
            <Route path="/surveys/:id/progress" component={ProgressRoute} />
            <Route path="/conferences" component={ConferencesRoute} />
            <Route path="/conferences/:id" component={ConferenceRoute} />
            <Route path="/conferences/:id/live" component={DashboardRoute} />
            <Route path="/conferences/:id/check-in-sheet" component={CheckInSheetRoute} />
            <Route default component={NotFoundPage} />
          </Router>
        </ErrorBoundary>
      </main>
      <footer class="footer">{t('app.tagline')}</footer>
    </LocationProvider>
  );
}
