import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from "react";
import { createBrowserRouter } from "react-router";
import HomePage from "./features/home/HomePage";
import NotFoundPage from "./features/home/NotFoundPage";
import JoinPage from "./features/participants/JoinPage";
import MyTablePage from "./features/participants/MyTablePage";
import ProfilePage from "./features/participants/ProfilePage";
import RejoinPage from "./features/participants/RejoinPage";
import SavedPage from "./features/participants/SavedPage";
import CapturePage from "./features/ideas/CapturePage";
import CurrentStep from "./features/participants/CurrentStep";
import ParticipantArea from "./features/participants/ParticipantArea";
import { Layout } from "./ui/Layout";
import { Loading } from "./ui/Status";

// The facilitator's screens are split away so that participants' phones load little.
// The board and the perspectives step are split too: the capture screen stays light.
const BoardPage = lazy(() => import("./features/board/BoardPage"));
const PerspectivesPage = lazy(() => import("./features/perspectives/PerspectivesPage"));
const ReducePage = lazy(() => import("./features/reduction/ReducePage"));
const StoryboardPage = lazy(() => import("./features/storyboards/StoryboardPage"));
const SessionStoryboardsPage = lazy(() => import("./features/storyboards/SessionStoryboardsPage"));
const PitchPage = lazy(() => import("./features/pitches/PitchPage"));
const OtherPitchesPage = lazy(() => import("./features/pitches/OtherPitchesPage"));
const CombinePage = lazy(() => import("./features/combinations/CombinePage"));
const PresenterPage = lazy(() => import("./features/presenter/PresenterPage"));
const PitchesOverviewPage = lazy(() => import("./features/pitches/PitchesOverviewPage"));
const SignInPage = lazy(() => import("./features/auth/SignInPage"));
const SignUpPage = lazy(() => import("./features/auth/SignUpPage"));
const PasswordResetPage = lazy(() => import("./features/auth/PasswordResetPage"));
const PasswordResetConfirmPage = lazy(() => import("./features/auth/PasswordResetConfirmPage"));
const AcceptInvitationPage = lazy(() => import("./features/auth/AcceptInvitationPage"));
const RequireFacilitator = lazy(() => import("./features/auth/RequireFacilitator"));
const DashboardPage = lazy(() => import("./features/dashboard/DashboardPage"));
const CreateSessionPage = lazy(() => import("./features/sessions/CreateSessionPage"));
const SessionLayout = lazy(() => import("./features/sessions/SessionLayout"));
const OverviewPage = lazy(() => import("./features/sessions/OverviewPage"));
const EditSessionPage = lazy(() => import("./features/sessions/EditSessionPage"));
const ParticipantsPage = lazy(() => import("./features/participants-admin/ParticipantsPage"));
const AllocationPage = lazy(() => import("./features/tables/AllocationPage"));
const ProjectorPage = lazy(() => import("./features/sessions/ProjectorPage"));
const LiveDashboardPage = lazy(() => import("./features/live-dashboard/LiveDashboardPage"));
const ModerationPage = lazy(() => import("./features/live-dashboard/ModerationPage"));
const FeedbackPage = lazy(() => import("./features/feedback/FeedbackPage"));
const FeedbackSummaryPage = lazy(() => import("./features/feedback/FeedbackSummaryPage"));
const OutcomesPage = lazy(() => import("./features/outcomes/OutcomesPage"));
const ApiKeysPage = lazy(() => import("./features/partners/ApiKeysPage"));
const WebhooksPage = lazy(() => import("./features/partners/WebhooksPage"));
const WebhookPage = lazy(() => import("./features/partners/WebhookPage"));
const TakeForwardPage = lazy(() => import("./features/initiatives/TakeForwardPage"));
const InitiativesPage = lazy(() => import("./features/initiatives/InitiativesPage"));
const InitiativePage = lazy(() => import("./features/initiatives/InitiativePage"));
const StewardshipsPage = lazy(() => import("./features/initiatives/StewardshipsPage"));
const StewardInvitationPage = lazy(() => import("./features/initiatives/StewardInvitationPage"));
const PublicSessionPage = lazy(() => import("./features/publishing/PublicSessionPage"));
const ReportPage = lazy(() => import("./features/reports/ReportPage"));

function page(Component: LazyExoticComponent<ComponentType>) {
  return (
    <Suspense fallback={<Loading />}>
      <Component />
    </Suspense>
  );
}

export const router = createBrowserRouter([
  {
    path: "/sessions/:sessionId/present",
    element: page(PresenterPage),
  },
  {
    path: "/sessions/:sessionId/projector",
    element: page(ProjectorPage),
  },
  {
    element: <Layout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: "join", element: <JoinPage /> },
      { path: "join/:code", element: <JoinPage /> },
      { path: "rejoin", element: <RejoinPage /> },
      {
        element: <ParticipantArea />,
        children: [
          { path: "me", element: <ProfilePage /> },
          { path: "me/saved", element: <SavedPage /> },
          { path: "me/table", element: <MyTablePage /> },
          { path: "me/now", element: <CurrentStep /> },
          { path: "me/ideas", element: <CapturePage /> },
          { path: "me/board", element: page(BoardPage) },
          { path: "me/perspectives", element: page(PerspectivesPage) },
          { path: "me/reduce", element: page(ReducePage) },
          { path: "me/storyboard", element: page(StoryboardPage) },
          { path: "me/feedback", element: page(FeedbackPage) },
          { path: "me/pitch", element: page(PitchPage) },
          { path: "me/pitches", element: page(OtherPitchesPage) },
          { path: "me/combine", element: page(CombinePage) },
        ],
      },
      { path: "signin", element: page(SignInPage) },
      { path: "signup", element: page(SignUpPage) },
      { path: "password-reset", element: page(PasswordResetPage) },
      { path: "password-reset/confirm", element: page(PasswordResetConfirmPage) },
      { path: "invitations/accept", element: page(AcceptInvitationPage) },
      { path: "steward-invitation", element: page(StewardInvitationPage) },
      { path: "published/:sessionId", element: page(PublicSessionPage) },
      {
        element: page(RequireFacilitator),
        children: [
          { path: "dashboard", element: page(DashboardPage) },
          { path: "initiatives", element: page(InitiativesPage) },
          { path: "initiatives/:initiativeId", element: page(InitiativePage) },
          { path: "stewardships", element: page(StewardshipsPage) },
          { path: "sessions/new", element: page(CreateSessionPage) },
          { path: "initiatives/:initiativeId/outcomes", element: page(OutcomesPage) },
          { path: "organisations/:organisationId/api-keys", element: page(ApiKeysPage) },
          { path: "organisations/:organisationId/webhooks", element: page(WebhooksPage) },
          { path: "organisations/:organisationId/webhooks/:webhookId", element: page(WebhookPage) },
          { path: "sessions/:sessionId/report", element: page(ReportPage) },
          {
            path: "sessions/:sessionId",
            element: page(SessionLayout),
            children: [
              { index: true, element: page(OverviewPage) },
              { path: "edit", element: page(EditSessionPage) },
              { path: "participants", element: page(ParticipantsPage) },
              { path: "tables", element: page(AllocationPage) },
              { path: "live", element: page(LiveDashboardPage) },
              { path: "moderation", element: page(ModerationPage) },
              { path: "initiatives", element: page(TakeForwardPage) },
              { path: "feedback", element: page(FeedbackSummaryPage) },
              { path: "pitches", element: page(PitchesOverviewPage) },
              { path: "storyboards", element: page(SessionStoryboardsPage) },
            ],
          },
        ],
      },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
]);
