import { graphql } from '../gql/gql.ts';

export const conferencesQuery = graphql(`
  query Conferences($first: Int, $after: String, $filter: ConferencesFilter) {
    conferences(first: $first, after: $after, filter: $filter) {
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
          scheduledStartAt
          scheduledEndAt
          bridgePointCount
          organizingUnit {
            id
            name
          }
        }
      }
    }
  }
`);

export const createConferenceMutation = graphql(`
  mutation CreateConference($input: CreateConferenceInput!) {
    createConference(input: $input) {
      id
    }
  }
`);

export const conferenceQuery = graphql(`
  query Conference($id: ID!) {
    conference(id: $id) {
      id
      title
      description
      status
      scheduledStartAt
      scheduledEndAt
      startedAt
      endedAt
      canManage
      publicCounter
      bridgePointCount
      documents {
        code
        title
      }
      organizingUnit {
        id
        code
        name
        level
      }
      hostBridgePoint {
        id
        displayName
      }
    }
  }
`);

export const conferenceBridgePointsQuery = graphql(`
  query ConferenceBridgePoints($id: ID!, $first: Int, $after: String) {
    conference(id: $id) {
      id
      bridgePoints(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            displayName
            host
            expectedHeadcount
            checkInCode
            checkInUrl
            operatorLink
            operatorLinkActive
            operatorLinkIssuedAt
            firstConnectedAt
            unit {
              id
              code
              name
              level
            }
          }
        }
      }
    }
  }
`);

export const checkInSheetQuery = graphql(`
  query CheckInSheet($id: ID!, $first: Int, $after: String) {
    conference(id: $id) {
      id
      title
      scheduledStartAt
      bridgePoints(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            displayName
            host
            checkInCode
            checkInUrl
            checkInQrCode
          }
        }
      }
    }
  }
`);

export const unitKindsQuery = graphql(`
  query LiveUnitKinds {
    unitKinds {
      code
      nameVi
      nameEn
    }
  }
`);

export const createBridgePointsForUnitsMutation = graphql(`
  mutation CreateBridgePointsForUnits($input: CreateBridgePointsForUnitsInput!) {
    createBridgePointsForUnits(input: $input) {
      created
      skipped
    }
  }
`);

export const createBridgePointMutation = graphql(`
  mutation CreateBridgePoint($input: CreateBridgePointInput!) {
    createBridgePoint(input: $input) {
      id
      displayName
    }
  }
`);

export const updateBridgePointMutation = graphql(`
  mutation UpdateBridgePoint($input: UpdateBridgePointInput!) {
    updateBridgePoint(input: $input) {
      id
      host
      expectedHeadcount
      displayName
    }
  }
`);

export const deleteBridgePointMutation = graphql(`
  mutation DeleteBridgePoint($id: ID!) {
    deleteBridgePoint(id: $id)
  }
`);

export const rotateOperatorLinkMutation = graphql(`
  mutation RotateOperatorLink($id: ID!) {
    rotateOperatorLink(bridgePointId: $id) {
      id
      operatorLink
      operatorLinkActive
      operatorLinkIssuedAt
    }
  }
`);

export const revokeOperatorLinkMutation = graphql(`
  mutation RevokeOperatorLink($id: ID!) {
    revokeOperatorLink(bridgePointId: $id) {
      id
      operatorLink
      operatorLinkActive
      operatorLinkIssuedAt
    }
  }
`);

export const startConferenceMutation = graphql(`
  mutation StartConference($id: ID!) {
    startConference(id: $id) {
      id
      status
      startedAt
    }
  }
`);

export const endConferenceMutation = graphql(`
  mutation EndConference($id: ID!) {
    endConference(id: $id) {
      id
      status
      endedAt
    }
  }
`);

export const deleteConferenceMutation = graphql(`
  mutation DeleteConference($id: ID!) {
    deleteConference(id: $id)
  }
`);

export const updateConferenceMutation = graphql(`
  mutation UpdateConference($input: UpdateConferenceInput!) {
    updateConference(input: $input) {
      id
      publicCounter
    }
  }
`);

export const attendanceQuery = graphql(`
  query Attendance($id: ID!) {
    conference(id: $id) {
      id
      attendance {
        final
        generatedAt
        totals {
          bridgePoints
          everConnected
          neverConnected
          expected
          reported
          checkIns
          excusedAbsences
          peakPresent
          peakPresentAt
        }
        bridgePoints {
          bridgePointId
          displayName
          unitCode
          host
          expectedHeadcount
          reportedHeadcount
          checkIns
          peakPresent
          connectedSeconds
          firstConnectedAt
          excusedAbsences {
            id
          }
        }
      }
    }
  }
`);

export const attendanceFileQuery = graphql(`
  query AttendanceFile($id: ID!, $kind: AttendanceFileKind) {
    attendanceFile(conferenceId: $id, kind: $kind) {
      filename
      contentType
      content
    }
  }
`);

export const dashboardConferenceQuery = graphql(`
  query DashboardConference($id: ID!) {
    conference(id: $id) {
      id
      title
      status
      scheduledStartAt
      scheduledEndAt
      startedAt
      endedAt
      canManage
      documents {
        code
      }
    }
  }
`);

export const timelineQuery = graphql(`
  query Timeline($id: ID!, $since: DateTimeISO, $bucketSeconds: Int) {
    conference(id: $id) {
      id
      timeline(since: $since, bucketSeconds: $bucketSeconds) {
        at
        present
        expected
        connected
        bridgePoints
      }
    }
  }
`);

export const publicLiveCounterQuery = graphql(`
  query PublicLiveCounter($id: ID!) {
    publicLiveCounter(conferenceId: $id) {
      conferenceId
      title
      status
      at
      totals {
        bridgePoints
        connected
        present
        expected
      }
    }
  }
`);
