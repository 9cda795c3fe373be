import { graphql } from '../gql/gql.ts';

export const analyticsSurveysQuery = graphql(`
  query AnalyticsSurveys {
    surveys(first: 100) {
      edges {
        node {
          id
          title
          status
          closesAt
          progress {
            assigned
            submitted
          }
        }
      }
    }
  }
`);

export const analyticsSurveyQuery = graphql(`
  query AnalyticsSurvey($id: ID!) {
    survey(id: $id) {
      id
      title
      currentVersion {
        number
        content
      }
    }
  }
`);

export const analyticsOverviewQuery = graphql(`
  query AnalyticsOverview($surveyId: ID!, $level: Int!) {
    surveyAnalytics(surveyId: $surveyId, level: $level) {
      basis {
        responses
        versions
      }
      progress {
        total {
          assigned
          submitted
          submittedLate
          drafts
          notOpened
          rate
        }
        groups {
          unitId
          unitName
          assigned
          submitted
          submittedLate
          drafts
          notOpened
          rate
        }
      }
      indicators {
        key
        label
        labelEn
        percent
        total {
          value
          responses
        }
        groups {
          unitName
          value
          responses
        }
      }
    }
  }
`);

export const questionChoicesQuery = graphql(`
  query QuestionChoices($surveyId: ID!, $level: Int!, $key: String!) {
    surveyAnalytics(surveyId: $surveyId, level: $level) {
      question(key: $key) {
        choices {
          total {
            responses
            mean
            options {
              key
              label
              count
              share
            }
            otherTexts
          }
          groups {
            unitName
            responses
            mean
            options {
              key
              count
              share
            }
          }
        }
      }
    }
  }
`);

export const questionNumbersQuery = graphql(`
  query QuestionNumbers($surveyId: ID!, $level: Int!, $key: String!) {
    surveyAnalytics(surveyId: $surveyId, level: $level) {
      question(key: $key) {
        numbers {
          total {
            count
            sum
            mean
            median
            min
            max
          }
          groups {
            unitName
            count
            sum
            mean
            median
          }
        }
      }
    }
  }
`);

export const crossTabQuery = graphql(`
  query CrossTab($surveyId: ID!, $level: Int!, $rowKey: String!, $columnKey: String!) {
    surveyAnalytics(surveyId: $surveyId, level: $level) {
      crossTab(rowKey: $rowKey, columnKey: $columnKey) {
        rows
        columns
        responses
        cells {
          row
          column
          count
          rowShare
        }
      }
    }
  }
`);

export const textAnswersQuery = graphql(`
  query TextAnswers($surveyId: ID!, $level: Int!, $key: String!, $search: String, $after: String) {
    surveyAnalytics(surveyId: $surveyId, level: $level) {
      textAnswers(key: $key, search: $search, first: 20, after: $after) {
        totalCount
        edges {
          node {
            text
            unitName
            pathNames
            submittedAt
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);
