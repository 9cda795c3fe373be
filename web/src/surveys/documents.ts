import { graphql } from '../gql/gql.ts';

export const organizerSurveysQuery = graphql(`
  query OrganizerSurveys($status: SurveyStatus, $after: String) {
    surveys(status: $status, first: 30, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          title
          status
          opensAt
          closesAt
          document {
            code
          }
          ownerUnit {
            id
            name
          }
          currentVersion {
            number
          }
          progress {
            assigned
            submitted
            draft
            opened
            notOpened
          }
        }
      }
    }
  }
`);

export const organizerSurveyQuery = graphql(`
  query OrganizerSurvey($id: ID!) {
    survey(id: $id) {
      id
      title
      description
      instructions
      status
      reviewKind
      opensAt
      closesAt
      allowAmend
      createdAt
      updatedAt
      draftContent
      document {
        code
        title
        kind
        signedOn
      }
      ownerUnit {
        id
        code
        name
        ancestors {
          id
          name
        }
      }
      currentVersion {
        id
        number
        content
        publishedAt
      }
      versions {
        id
        number
        publishedAt
      }
      progress {
        assigned
        submitted
        draft
        opened
        notOpened
        amended
      }
      deepestAssignedLevel
    }
  }
`);

export const createSurveyMutation = graphql(`
  mutation CreateSurvey($input: CreateSurveyInput!) {
    createSurvey(input: $input) {
      id
    }
  }
`);

export const importSurveyMutation = graphql(`
  mutation ImportSurvey($ownerUnitId: ID!, $file: String!) {
    importSurvey(ownerUnitId: $ownerUnitId, file: $file) {
      id
    }
  }
`);

export const updateSurveyMutation = graphql(`
  mutation UpdateSurvey($input: UpdateSurveyInput!) {
    updateSurvey(input: $input) {
      id
      status
      updatedAt
      currentVersion {
        number
      }
    }
  }
`);

export const publishSurveyMutation = graphql(`
  mutation PublishSurvey($id: ID!) {
    publishSurvey(id: $id) {
      id
      status
    }
  }
`);

export const closeSurveyMutation = graphql(`
  mutation CloseSurvey($id: ID!) {
    closeSurvey(id: $id) {
      id
      status
    }
  }
`);

export const archiveSurveyMutation = graphql(`
  mutation ArchiveSurvey($id: ID!) {
    archiveSurvey(id: $id) {
      id
      status
    }
  }
`);

export const cloneSurveyMutation = graphql(`
  mutation CloneSurvey($id: ID!) {
    cloneSurvey(id: $id) {
      id
    }
  }
`);

export const exportSurveyQuery = graphql(`
  query ExportSurvey($id: ID!) {
    exportSurvey(id: $id)
  }
`);

export const unitKindsQuery = graphql(`
  query SurveyUnitKinds {
    unitKinds {
      code
      nameVi
      nameEn
      sortOrder
    }
  }
`);

export const assignSurveyMutation = graphql(`
  mutation AssignSurvey($input: AssignSurveyInput!) {
    assignSurvey(input: $input) {
      added
      alreadyAssigned
    }
  }
`);

export const assignmentsQuery = graphql(`
  query SurveyAssignments($surveyId: ID!, $states: [AssignmentState!], $search: String, $after: String) {
    assignments(surveyId: $surveyId, states: $states, search: $search, first: 50, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          state
          deadline
          deadlineExtended
          firstOpenedAt
          draftSavedAt
          submittedAt
          submittedBy
          receiptNumber
          amendmentCount
          linkStatus
          link
          unit {
            id
            code
            name
            ancestors {
              id
              name
            }
          }
        }
      }
    }
  }
`);

export const progressByLevelQuery = graphql(`
  query SurveyProgressByLevel($surveyId: ID!, $level: Int!) {
    surveyAnalytics(surveyId: $surveyId, level: $level) {
      progress {
        total {
          assigned
          submitted
          submittedLate
          drafts
          opened
          notOpened
          rate
        }
        groups {
          unitId
          unitCode
          unitName
          assigned
          submitted
          submittedLate
          drafts
          opened
          notOpened
          rate
        }
      }
    }
  }
`);

export const respondentLinksCsvQuery = graphql(`
  query RespondentLinksCsv($surveyId: ID!, $onlyNotSubmitted: Boolean) {
    respondentLinksCsv(surveyId: $surveyId, onlyNotSubmitted: $onlyNotSubmitted)
  }
`);

export const withdrawAssignmentsMutation = graphql(`
  mutation WithdrawAssignments($surveyId: ID!, $assignmentIds: [ID!]!) {
    withdrawAssignments(surveyId: $surveyId, assignmentIds: $assignmentIds)
  }
`);

export const extendDeadlineMutation = graphql(`
  mutation ExtendDeadline($assignmentId: ID!, $deadline: DateTimeISO) {
    extendDeadline(assignmentId: $assignmentId, deadline: $deadline) {
      id
      deadline
      deadlineExtended
    }
  }
`);

export const rotateLinkMutation = graphql(`
  mutation RotateRespondentLink($assignmentId: ID!) {
    rotateRespondentLink(assignmentId: $assignmentId) {
      id
      link
      linkStatus
    }
  }
`);

export const revokeLinkMutation = graphql(`
  mutation RevokeRespondentLink($assignmentId: ID!) {
    revokeRespondentLink(assignmentId: $assignmentId) {
      id
      link
      linkStatus
    }
  }
`);
