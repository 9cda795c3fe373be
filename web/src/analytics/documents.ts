import { graphql } from '../gql/gql.ts';

export const analyticsSurveysQuery = graphql(`
  query AnalyticsSurveys($after: String) {
    analyticsSurveys(first: 50, after: $after) {
      totalCount
      edges {
        node {
          id
          title
          status
          closesAt
          assigned
          submitted
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const analyticsSurveyQuery = graphql(`
  query AnalyticsSurvey($id: ID!) {
    surveyAnalytics(surveyId: $id) {
      surveyId
      title
      content
      scopeLevel
      deepestLevel
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
          basis {
            responses
            versions
          }
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
        numbers(bins: 10) {
          basis {
            responses
            versions
          }
          total {
            count
            sum
            mean
            median
            q1
            q3
            min
            max
            histogram {
              from
              to
              count
            }
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
          columnShare
        }
      }
    }
  }
`);

export const questionDatesQuery = graphql(`
  query QuestionDates($surveyId: ID!, $level: Int!, $key: String!) {
    surveyAnalytics(surveyId: $surveyId, level: $level) {
      question(key: $key) {
        dates {
          basis {
            responses
            versions
          }
          total {
            count
            earliest
            latest
            byMonth {
              month
              count
            }
          }
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
