/* eslint-disable */
import * as types from './graphql.ts';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query ApiTokens {\n    apiTokens {\n      id\n      name\n      hint\n      createdAt\n      expiresAt\n      lastUsedAt\n      revokedAt\n    }\n  }\n": typeof types.ApiTokensDocument,
    "\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      token\n      apiToken {\n        id\n        name\n      }\n    }\n  }\n": typeof types.CreateApiTokenDocument,
    "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      id\n      revokedAt\n    }\n  }\n": typeof types.RevokeApiTokenDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n": typeof types.ChangePasswordDocument,
    "\n  mutation SignIn($username: String!, $password: String!) {\n    signIn(username: $username, password: $password) {\n      id\n    }\n  }\n": typeof types.SignInDocument,
    "\n  query Accounts($first: Int, $after: String) {\n    accounts(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          username\n          displayName\n          role\n          disabledAt\n          createdAt\n          scopeUnit {\n            id\n            code\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.AccountsDocument,
    "\n  mutation CreateAccount($input: CreateAccountInput!) {\n    createAccount(input: $input) {\n      id\n      username\n    }\n  }\n": typeof types.CreateAccountDocument,
    "\n  mutation SetAccountDisabled($id: ID!, $disabled: Boolean!) {\n    updateAccount(input: { id: $id, disabled: $disabled }) {\n      id\n      disabledAt\n    }\n  }\n": typeof types.SetAccountDisabledDocument,
    "\n  mutation UpdateAccountAccess($id: ID!, $role: Role!, $scopeUnitId: ID) {\n    updateAccount(input: { id: $id, role: $role, scopeUnitId: $scopeUnitId }) {\n      id\n      role\n      scopeUnit {\n        id\n      }\n    }\n  }\n": typeof types.UpdateAccountAccessDocument,
    "\n  mutation ResetAccountPassword($id: ID!, $password: String!) {\n    resetAccountPassword(id: $id, password: $password)\n  }\n": typeof types.ResetAccountPasswordDocument,
    "\n  query UnitDetail($id: ID!) {\n    unit(id: $id) {\n      id\n      code\n      name\n      level\n      kindCode\n      archivedAt\n      childCount\n      descendantCount\n      kind {\n        code\n        nameVi\n        nameEn\n      }\n      ancestors {\n        id\n        code\n        name\n      }\n    }\n  }\n": typeof types.UnitDetailDocument,
    "\n  query UnitKinds {\n    unitKinds {\n      code\n      nameVi\n      nameEn\n      sortOrder\n    }\n  }\n": typeof types.UnitKindsDocument,
    "\n  mutation UpdateUnit($input: UpdateUnitInput!) {\n    updateUnit(input: $input) {\n      id\n    }\n  }\n": typeof types.UpdateUnitDocument,
    "\n  mutation ArchiveUnit($id: ID!) {\n    archiveUnit(id: $id) {\n      id\n      archivedAt\n    }\n  }\n": typeof types.ArchiveUnitDocument,
    "\n  mutation RestoreUnit($id: ID!) {\n    restoreUnit(id: $id) {\n      id\n      archivedAt\n    }\n  }\n": typeof types.RestoreUnitDocument,
    "\n  mutation CreateUnit($input: CreateUnitInput!) {\n    createUnit(input: $input) {\n      id\n      code\n      name\n    }\n  }\n": typeof types.CreateUnitDocument,
    "\n  mutation ImportUnits($format: UnitFileFormat!, $content: String!, $dryRun: Boolean) {\n    importUnits(format: $format, content: $content, dryRun: $dryRun) {\n      applied\n      rows\n      created\n      updated\n      moved\n      unchanged\n      problems {\n        line\n        row\n        code\n        field\n        problem\n        message\n      }\n    }\n  }\n": typeof types.ImportUnitsDocument,
    "\n  query ExportUnits($format: UnitFileFormat!) {\n    exportUnits(format: $format)\n  }\n": typeof types.ExportUnitsDocument,
    "\n  mutation CreateUnitKind($input: CreateUnitKindInput!) {\n    createUnitKind(input: $input) {\n      code\n      nameVi\n      nameEn\n    }\n  }\n": typeof types.CreateUnitKindDocument,
    "\n  query UnitChildren($filter: UnitsFilter, $first: Int, $after: String) {\n    units(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          code\n          name\n          level\n          archivedAt\n          childCount\n          kind {\n            code\n            nameVi\n            nameEn\n          }\n        }\n      }\n    }\n  }\n": typeof types.UnitChildrenDocument,
    "\n  query AnalyticsSurveys($after: String) {\n    analyticsSurveys(first: 50, after: $after) {\n      totalCount\n      edges {\n        node {\n          id\n          title\n          status\n          closesAt\n          assigned\n          submitted\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.AnalyticsSurveysDocument,
    "\n  query AnalyticsSurvey($id: ID!) {\n    surveyAnalytics(surveyId: $id) {\n      surveyId\n      title\n      content\n      scopeLevel\n      deepestLevel\n    }\n  }\n": typeof types.AnalyticsSurveyDocument,
    "\n  query AnalyticsOverview($surveyId: ID!, $level: Int!) {\n    surveyAnalytics(surveyId: $surveyId, level: $level) {\n      basis {\n        responses\n        versions\n      }\n      progress {\n        total {\n          assigned\n          submitted\n          submittedLate\n          drafts\n          notOpened\n          rate\n        }\n        groups {\n          unitId\n          unitName\n          assigned\n          submitted\n          submittedLate\n          drafts\n          notOpened\n          rate\n        }\n      }\n      indicators {\n        key\n        label\n        labelEn\n        percent\n        total {\n          value\n          responses\n        }\n        groups {\n          unitName\n          value\n          responses\n        }\n      }\n    }\n  }\n": typeof types.AnalyticsOverviewDocument,
    "\n  query QuestionChoices($surveyId: ID!, $level: Int!, $key: String!) {\n    surveyAnalytics(surveyId: $surveyId, level: $level) {\n      question(key: $key) {\n        choices {\n          basis {\n            responses\n            versions\n          }\n          total {\n            responses\n            mean\n            options {\n              key\n              label\n              count\n              share\n            }\n            otherTexts\n          }\n          groups {\n            unitName\n            responses\n            mean\n            options {\n              key\n              count\n              share\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.QuestionChoicesDocument,
    "\n  query QuestionNumbers($surveyId: ID!, $level: Int!, $key: String!) {\n    surveyAnalytics(surveyId: $surveyId, level: $level) {\n      question(key: $key) {\n        numbers(bins: 10) {\n          basis {\n            responses\n            versions\n          }\n          total {\n            count\n            sum\n            mean\n            median\n            q1\n            q3\n            min\n            max\n            histogram {\n              from\n              to\n              count\n            }\n          }\n          groups {\n            unitName\n            count\n            sum\n            mean\n            median\n          }\n        }\n      }\n    }\n  }\n": typeof types.QuestionNumbersDocument,
    "\n  query CrossTab($surveyId: ID!, $level: Int!, $rowKey: String!, $columnKey: String!) {\n    surveyAnalytics(surveyId: $surveyId, level: $level) {\n      crossTab(rowKey: $rowKey, columnKey: $columnKey) {\n        rows\n        columns\n        responses\n        cells {\n          row\n          column\n          count\n          rowShare\n          columnShare\n        }\n      }\n    }\n  }\n": typeof types.CrossTabDocument,
    "\n  query QuestionDates($surveyId: ID!, $level: Int!, $key: String!) {\n    surveyAnalytics(surveyId: $surveyId, level: $level) {\n      question(key: $key) {\n        dates {\n          basis {\n            responses\n            versions\n          }\n          total {\n            count\n            earliest\n            latest\n            byMonth {\n              month\n              count\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.QuestionDatesDocument,
    "\n  query TextAnswers($surveyId: ID!, $level: Int!, $key: String!, $search: String, $after: String) {\n    surveyAnalytics(surveyId: $surveyId, level: $level) {\n      textAnswers(key: $key, search: $search, first: 20, after: $after) {\n        totalCount\n        edges {\n          node {\n            text\n            unitName\n            pathNames\n            submittedAt\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.TextAnswersDocument,
    "\n  query Viewer {\n    viewer {\n      id\n      username\n      displayName\n      role\n      scopeUnit {\n        id\n        code\n        name\n        ancestors {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.ViewerDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": typeof types.SignOutDocument,
    "\n  query Conferences($first: Int, $after: String, $filter: ConferencesFilter) {\n    conferences(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          title\n          status\n          scheduledStartAt\n          scheduledEndAt\n          bridgePointCount\n          organizingUnit {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.ConferencesDocument,
    "\n  mutation CreateConference($input: CreateConferenceInput!) {\n    createConference(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateConferenceDocument,
    "\n  query Conference($id: ID!) {\n    conference(id: $id) {\n      id\n      title\n      description\n      status\n      scheduledStartAt\n      scheduledEndAt\n      startedAt\n      endedAt\n      canManage\n      publicCounter\n      bridgePointCount\n      documents {\n        code\n        title\n      }\n      organizingUnit {\n        id\n        code\n        name\n        level\n      }\n      hostBridgePoint {\n        id\n        displayName\n      }\n    }\n  }\n": typeof types.ConferenceDocument,
    "\n  query ConferenceBridgePoints($id: ID!, $first: Int, $after: String) {\n    conference(id: $id) {\n      id\n      bridgePoints(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            id\n            displayName\n            host\n            expectedHeadcount\n            checkInCode\n            checkInUrl\n            operatorLink\n            operatorLinkActive\n            operatorLinkIssuedAt\n            firstConnectedAt\n            unit {\n              id\n              code\n              name\n              level\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.ConferenceBridgePointsDocument,
    "\n  query CheckInSheet($id: ID!, $first: Int, $after: String) {\n    conference(id: $id) {\n      id\n      title\n      scheduledStartAt\n      bridgePoints(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            id\n            displayName\n            host\n            checkInCode\n            checkInUrl\n            checkInQrCode\n          }\n        }\n      }\n    }\n  }\n": typeof types.CheckInSheetDocument,
    "\n  query LiveUnitKinds {\n    unitKinds {\n      code\n      nameVi\n      nameEn\n    }\n  }\n": typeof types.LiveUnitKindsDocument,
    "\n  mutation CreateBridgePointsForUnits($input: CreateBridgePointsForUnitsInput!) {\n    createBridgePointsForUnits(input: $input) {\n      created\n      skipped\n    }\n  }\n": typeof types.CreateBridgePointsForUnitsDocument,
    "\n  mutation CreateBridgePoint($input: CreateBridgePointInput!) {\n    createBridgePoint(input: $input) {\n      id\n      displayName\n    }\n  }\n": typeof types.CreateBridgePointDocument,
    "\n  mutation UpdateBridgePoint($input: UpdateBridgePointInput!) {\n    updateBridgePoint(input: $input) {\n      id\n      host\n      expectedHeadcount\n      displayName\n    }\n  }\n": typeof types.UpdateBridgePointDocument,
    "\n  mutation DeleteBridgePoint($id: ID!) {\n    deleteBridgePoint(id: $id)\n  }\n": typeof types.DeleteBridgePointDocument,
    "\n  mutation RotateOperatorLink($id: ID!) {\n    rotateOperatorLink(bridgePointId: $id) {\n      id\n      operatorLink\n      operatorLinkActive\n      operatorLinkIssuedAt\n    }\n  }\n": typeof types.RotateOperatorLinkDocument,
    "\n  mutation RevokeOperatorLink($id: ID!) {\n    revokeOperatorLink(bridgePointId: $id) {\n      id\n      operatorLink\n      operatorLinkActive\n      operatorLinkIssuedAt\n    }\n  }\n": typeof types.RevokeOperatorLinkDocument,
    "\n  mutation StartConference($id: ID!) {\n    startConference(id: $id) {\n      id\n      status\n      startedAt\n    }\n  }\n": typeof types.StartConferenceDocument,
    "\n  mutation EndConference($id: ID!) {\n    endConference(id: $id) {\n      id\n      status\n      endedAt\n    }\n  }\n": typeof types.EndConferenceDocument,
    "\n  mutation DeleteConference($id: ID!) {\n    deleteConference(id: $id)\n  }\n": typeof types.DeleteConferenceDocument,
    "\n  mutation UpdateConference($input: UpdateConferenceInput!) {\n    updateConference(input: $input) {\n      id\n      publicCounter\n    }\n  }\n": typeof types.UpdateConferenceDocument,
    "\n  query Attendance($id: ID!) {\n    conference(id: $id) {\n      id\n      attendance {\n        final\n        generatedAt\n        totals {\n          bridgePoints\n          everConnected\n          neverConnected\n          expected\n          reported\n          checkIns\n          excusedAbsences\n          peakPresent\n          peakPresentAt\n        }\n        bridgePoints {\n          bridgePointId\n          displayName\n          unitCode\n          host\n          expectedHeadcount\n          reportedHeadcount\n          checkIns\n          peakPresent\n          connectedSeconds\n          firstConnectedAt\n          excusedAbsences {\n            id\n          }\n        }\n      }\n    }\n  }\n": typeof types.AttendanceDocument,
    "\n  query AttendanceFile($id: ID!, $kind: AttendanceFileKind) {\n    attendanceFile(conferenceId: $id, kind: $kind) {\n      filename\n      contentType\n      content\n    }\n  }\n": typeof types.AttendanceFileDocument,
    "\n  query DashboardConference($id: ID!) {\n    conference(id: $id) {\n      id\n      title\n      status\n      scheduledStartAt\n      scheduledEndAt\n      startedAt\n      endedAt\n      canManage\n      documents {\n        code\n      }\n    }\n  }\n": typeof types.DashboardConferenceDocument,
    "\n  query Timeline($id: ID!, $since: DateTimeISO, $bucketSeconds: Int) {\n    conference(id: $id) {\n      id\n      timeline(since: $since, bucketSeconds: $bucketSeconds) {\n        at\n        present\n        expected\n        connected\n        bridgePoints\n      }\n    }\n  }\n": typeof types.TimelineDocument,
    "\n  query PublicLiveCounter($id: ID!) {\n    publicLiveCounter(conferenceId: $id) {\n      conferenceId\n      title\n      status\n      at\n      totals {\n        bridgePoints\n        connected\n        present\n        expected\n      }\n    }\n  }\n": typeof types.PublicLiveCounterDocument,
    "\n  query Health {\n    health {\n      status\n      database\n      version\n      serverTime\n      uptimeSeconds\n    }\n  }\n": typeof types.HealthDocument,
    "\n  query OrganizerSurveys($status: SurveyStatus, $after: String) {\n    surveys(status: $status, first: 30, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          title\n          status\n          opensAt\n          closesAt\n          document {\n            code\n          }\n          ownerUnit {\n            id\n            name\n          }\n          currentVersion {\n            number\n          }\n          progress {\n            assigned\n            submitted\n            draft\n            opened\n            notOpened\n          }\n        }\n      }\n    }\n  }\n": typeof types.OrganizerSurveysDocument,
    "\n  query OrganizerSurvey($id: ID!) {\n    survey(id: $id) {\n      id\n      title\n      description\n      instructions\n      status\n      reviewKind\n      opensAt\n      closesAt\n      allowAmend\n      createdAt\n      updatedAt\n      draftContent\n      document {\n        code\n        title\n        kind\n        signedOn\n      }\n      ownerUnit {\n        id\n        code\n        name\n        ancestors {\n          id\n          name\n        }\n      }\n      currentVersion {\n        id\n        number\n        content\n        publishedAt\n      }\n      versions {\n        id\n        number\n        publishedAt\n      }\n      progress {\n        assigned\n        submitted\n        draft\n        opened\n        notOpened\n        amended\n      }\n      deepestAssignedLevel\n    }\n  }\n": typeof types.OrganizerSurveyDocument,
    "\n  mutation CreateSurvey($input: CreateSurveyInput!) {\n    createSurvey(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateSurveyDocument,
    "\n  mutation ImportSurvey($ownerUnitId: ID!, $file: String!) {\n    importSurvey(ownerUnitId: $ownerUnitId, file: $file) {\n      id\n    }\n  }\n": typeof types.ImportSurveyDocument,
    "\n  mutation UpdateSurvey($input: UpdateSurveyInput!) {\n    updateSurvey(input: $input) {\n      id\n      status\n      updatedAt\n      currentVersion {\n        number\n      }\n    }\n  }\n": typeof types.UpdateSurveyDocument,
    "\n  mutation PublishSurvey($id: ID!) {\n    publishSurvey(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.PublishSurveyDocument,
    "\n  mutation CloseSurvey($id: ID!) {\n    closeSurvey(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.CloseSurveyDocument,
    "\n  mutation ArchiveSurvey($id: ID!) {\n    archiveSurvey(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.ArchiveSurveyDocument,
    "\n  mutation CloneSurvey($id: ID!) {\n    cloneSurvey(id: $id) {\n      id\n    }\n  }\n": typeof types.CloneSurveyDocument,
    "\n  query ExportSurvey($id: ID!) {\n    exportSurvey(id: $id)\n  }\n": typeof types.ExportSurveyDocument,
    "\n  query SurveyUnitKinds {\n    unitKinds {\n      code\n      nameVi\n      nameEn\n      sortOrder\n    }\n  }\n": typeof types.SurveyUnitKindsDocument,
    "\n  mutation AssignSurvey($input: AssignSurveyInput!) {\n    assignSurvey(input: $input) {\n      added\n      alreadyAssigned\n    }\n  }\n": typeof types.AssignSurveyDocument,
    "\n  query SurveyAssignments($surveyId: ID!, $states: [AssignmentState!], $search: String, $after: String) {\n    assignments(surveyId: $surveyId, states: $states, search: $search, first: 50, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          state\n          deadline\n          deadlineExtended\n          firstOpenedAt\n          draftSavedAt\n          submittedAt\n          submittedBy\n          receiptNumber\n          amendmentCount\n          linkStatus\n          link\n          unit {\n            id\n            code\n            name\n            ancestors {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.SurveyAssignmentsDocument,
    "\n  query SurveyProgressByLevel($surveyId: ID!, $level: Int!) {\n    surveyAnalytics(surveyId: $surveyId, level: $level) {\n      progress {\n        total {\n          assigned\n          submitted\n          submittedLate\n          drafts\n          opened\n          notOpened\n          rate\n        }\n        groups {\n          unitId\n          unitCode\n          unitName\n          assigned\n          submitted\n          submittedLate\n          drafts\n          opened\n          notOpened\n          rate\n        }\n      }\n    }\n  }\n": typeof types.SurveyProgressByLevelDocument,
    "\n  query RespondentLinksCsv($surveyId: ID!, $onlyNotSubmitted: Boolean) {\n    respondentLinksCsv(surveyId: $surveyId, onlyNotSubmitted: $onlyNotSubmitted)\n  }\n": typeof types.RespondentLinksCsvDocument,
    "\n  mutation WithdrawAssignments($surveyId: ID!, $assignmentIds: [ID!]!) {\n    withdrawAssignments(surveyId: $surveyId, assignmentIds: $assignmentIds)\n  }\n": typeof types.WithdrawAssignmentsDocument,
    "\n  mutation ExtendDeadline($assignmentId: ID!, $deadline: DateTimeISO) {\n    extendDeadline(assignmentId: $assignmentId, deadline: $deadline) {\n      id\n      deadline\n      deadlineExtended\n    }\n  }\n": typeof types.ExtendDeadlineDocument,
    "\n  mutation RotateRespondentLink($assignmentId: ID!) {\n    rotateRespondentLink(assignmentId: $assignmentId) {\n      id\n      link\n      linkStatus\n    }\n  }\n": typeof types.RotateRespondentLinkDocument,
    "\n  mutation RevokeRespondentLink($assignmentId: ID!) {\n    revokeRespondentLink(assignmentId: $assignmentId) {\n      id\n      link\n      linkStatus\n    }\n  }\n": typeof types.RevokeRespondentLinkDocument,
    "\n  query SearchUnits($query: String!, $first: Int, $includeArchived: Boolean) {\n    searchUnits(query: $query, first: $first, includeArchived: $includeArchived) {\n      id\n      code\n      name\n      level\n      archivedAt\n      childCount\n      kind {\n        code\n        nameVi\n        nameEn\n      }\n      ancestors {\n        id\n        name\n      }\n    }\n  }\n": typeof types.SearchUnitsDocument,
};
const documents: Documents = {
    "\n  query ApiTokens {\n    apiTokens {\n      id\n      name\n      hint\n      createdAt\n      expiresAt\n      lastUsedAt\n      revokedAt\n    }\n  }\n": types.ApiTokensDocument,
    "\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      token\n      apiToken {\n        id\n        name\n      }\n    }\n  }\n": types.CreateApiTokenDocument,
    "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      id\n      revokedAt\n    }\n  }\n": types.RevokeApiTokenDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n": types.ChangePasswordDocument,
    "\n  mutation SignIn($username: String!, $password: String!) {\n    signIn(username: $username, password: $password) {\n      id\n    }\n  }\n": types.SignInDocument,
    "\n  query Accounts($first: Int, $after: String) {\n    accounts(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          username\n          displayName\n          role\n          disabledAt\n          createdAt\n          scopeUnit {\n            id\n            code\n            name\n          }\n        }\n      }\n    }\n  }\n": types.AccountsDocument,
    "\n  mutation CreateAccount($input: CreateAccountInput!) {\n    createAccount(input: $input) {\n      id\n      username\n    }\n  }\n": types.CreateAccountDocument,
    "\n  mutation SetAccountDisabled($id: ID!, $disabled: Boolean!) {\n    updateAccount(input: { id: $id, disabled: $disabled }) {\n      id\n      disabledAt\n    }\n  }\n": types.SetAccountDisabledDocument,
    "\n  mutation UpdateAccountAccess($id: ID!, $role: Role!, $scopeUnitId: ID) {\n    updateAccount(input: { id: $id, role: $role, scopeUnitId: $scopeUnitId }) {\n      id\n      role\n      scopeUnit {\n        id\n      }\n    }\n  }\n": types.UpdateAccountAccessDocument,
    "\n  mutation ResetAccountPassword($id: ID!, $password: String!) {\n    resetAccountPassword(id: $id, password: $password)\n  }\n": types.ResetAccountPasswordDocument,
    "\n  query UnitDetail($id: ID!) {\n    unit(id: $id) {\n      id\n      code\n      name\n      level\n      kindCode\n      archivedAt\n      childCount\n      descendantCount\n      kind {\n        code\n        nameVi\n        nameEn\n      }\n      ancestors {\n        id\n        code\n        name\n      }\n    }\n  }\n": types.UnitDetailDocument,
    "\n  query UnitKinds {\n    unitKinds {\n      code\n      nameVi\n      nameEn\n      sortOrder\n    }\n  }\n": types.UnitKindsDocument,
    "\n  mutation UpdateUnit($input: UpdateUnitInput!) {\n    updateUnit(input: $input) {\n      id\n    }\n  }\n": types.UpdateUnitDocument,
    "\n  mutation ArchiveUnit($id: ID!) {\n    archiveUnit(id: $id) {\n      id\n      archivedAt\n    }\n  }\n": types.ArchiveUnitDocument,
    "\n  mutation RestoreUnit($id: ID!) {\n    restoreUnit(id: $id) {\n      id\n      archivedAt\n    }\n  }\n": types.RestoreUnitDocument,
    "\n  mutation CreateUnit($input: CreateUnitInput!) {\n    createUnit(input: $input) {\n      id\n      code\n      name\n    }\n  }\n": types.CreateUnitDocument,
    "\n  mutation ImportUnits($format: UnitFileFormat!, $content: String!, $dryRun: Boolean) {\n    importUnits(format: $format, content: $content, dryRun: $dryRun) {\n      applied\n      rows\n      created\n      updated\n      moved\n      unchanged\n      problems {\n        line\n        row\n        code\n        field\n        problem\n        message\n      }\n    }\n  }\n": types.ImportUnitsDocument,
    "\n  query ExportUnits($format: UnitFileFormat!) {\n    exportUnits(format: $format)\n  }\n": types.ExportUnitsDocument,
    "\n  mutation CreateUnitKind($input: CreateUnitKindInput!) {\n    createUnitKind(input: $input) {\n      code\n      nameVi\n      nameEn\n    }\n  }\n": types.CreateUnitKindDocument,
    "\n  query UnitChildren($filter: UnitsFilter, $first: Int, $after: String) {\n    units(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          code\n          name\n          level\n          archivedAt\n          childCount\n          kind {\n            code\n            nameVi\n            nameEn\n          }\n        }\n      }\n    }\n  }\n": types.UnitChildrenDocument,
    "\n  query AnalyticsSurveys($after: String) {\n    analyticsSurveys(first: 50, after: $after) {\n      totalCount\n      edges {\n        node {\n          id\n          title\n          status\n          closesAt\n          assigned\n          submitted\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.AnalyticsSurveysDocument,
    "\n  query AnalyticsSurvey($id: ID!) {\n    surveyAnalytics(surveyId: $id) {\n      surveyId\n      title\n      content\n      scopeLevel\n      deepestLevel\n    }\n  }\n": types.AnalyticsSurveyDocument,
    "\n  query AnalyticsOverview($surveyId: ID!, $level: Int!) {\n    surveyAnalytics(surveyId: $surveyId, level: $level) {\n      basis {\n        responses\n        versions\n      }\n      progress {\n        total {\n          assigned\n          submitted\n          submittedLate\n          drafts\n          notOpened\n          rate\n        }\n        groups {\n          unitId\n          unitName\n          assigned\n          submitted\n          submittedLate\n          drafts\n          notOpened\n          rate\n        }\n      }\n      indicators {\n        key\n        label\n        labelEn\n        percent\n        total {\n          value\n          responses\n        }\n        groups {\n          unitName\n          value\n          responses\n        }\n      }\n    }\n  }\n": types.AnalyticsOverviewDocument,
    "\n  query QuestionChoices($surveyId: ID!, $level: Int!, $key: String!) {\n    surveyAnalytics(surveyId: $surveyId, level: $level) {\n      question(key: $key) {\n        choices {\n          basis {\n            responses\n            versions\n          }\n          total {\n            responses\n            mean\n            options {\n              key\n              label\n              count\n              share\n            }\n            otherTexts\n          }\n          groups {\n            unitName\n            responses\n            mean\n            options {\n              key\n              count\n              share\n            }\n          }\n        }\n      }\n    }\n  }\n": types.QuestionChoicesDocument,
    "\n  query QuestionNumbers($surveyId: ID!, $level: Int!, $key: String!) {\n    surveyAnalytics(surveyId: $surveyId, level: $level) {\n      question(key: $key) {\n        numbers(bins: 10) {\n          basis {\n            responses\n            versions\n          }\n          total {\n            count\n            sum\n            mean\n            median\n            q1\n            q3\n            min\n            max\n            histogram {\n              from\n              to\n              count\n            }\n          }\n          groups {\n            unitName\n            count\n            sum\n            mean\n            median\n          }\n        }\n      }\n    }\n  }\n": types.QuestionNumbersDocument,
    "\n  query CrossTab($surveyId: ID!, $level: Int!, $rowKey: String!, $columnKey: String!) {\n    surveyAnalytics(surveyId: $surveyId, level: $level) {\n      crossTab(rowKey: $rowKey, columnKey: $columnKey) {\n        rows\n        columns\n        responses\n        cells {\n          row\n          column\n          count\n          rowShare\n          columnShare\n        }\n      }\n    }\n  }\n": types.CrossTabDocument,
    "\n  query QuestionDates($surveyId: ID!, $level: Int!, $key: String!) {\n    surveyAnalytics(surveyId: $surveyId, level: $level) {\n      question(key: $key) {\n        dates {\n          basis {\n            responses\n            versions\n          }\n          total {\n            count\n            earliest\n            latest\n            byMonth {\n              month\n              count\n            }\n          }\n        }\n      }\n    }\n  }\n": types.QuestionDatesDocument,
    "\n  query TextAnswers($surveyId: ID!, $level: Int!, $key: String!, $search: String, $after: String) {\n    surveyAnalytics(surveyId: $surveyId, level: $level) {\n      textAnswers(key: $key, search: $search, first: 20, after: $after) {\n        totalCount\n        edges {\n          node {\n            text\n            unitName\n            pathNames\n            submittedAt\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.TextAnswersDocument,
    "\n  query Viewer {\n    viewer {\n      id\n      username\n      displayName\n      role\n      scopeUnit {\n        id\n        code\n        name\n        ancestors {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.ViewerDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": types.SignOutDocument,
    "\n  query Conferences($first: Int, $after: String, $filter: ConferencesFilter) {\n    conferences(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          title\n          status\n          scheduledStartAt\n          scheduledEndAt\n          bridgePointCount\n          organizingUnit {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": types.ConferencesDocument,
    "\n  mutation CreateConference($input: CreateConferenceInput!) {\n    createConference(input: $input) {\n      id\n    }\n  }\n": types.CreateConferenceDocument,
    "\n  query Conference($id: ID!) {\n    conference(id: $id) {\n      id\n      title\n      description\n      status\n      scheduledStartAt\n      scheduledEndAt\n      startedAt\n      endedAt\n      canManage\n      publicCounter\n      bridgePointCount\n      documents {\n        code\n        title\n      }\n      organizingUnit {\n        id\n        code\n        name\n        level\n      }\n      hostBridgePoint {\n        id\n        displayName\n      }\n    }\n  }\n": types.ConferenceDocument,
    "\n  query ConferenceBridgePoints($id: ID!, $first: Int, $after: String) {\n    conference(id: $id) {\n      id\n      bridgePoints(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            id\n            displayName\n            host\n            expectedHeadcount\n            checkInCode\n            checkInUrl\n            operatorLink\n            operatorLinkActive\n            operatorLinkIssuedAt\n            firstConnectedAt\n            unit {\n              id\n              code\n              name\n              level\n            }\n          }\n        }\n      }\n    }\n  }\n": types.ConferenceBridgePointsDocument,
    "\n  query CheckInSheet($id: ID!, $first: Int, $after: String) {\n    conference(id: $id) {\n      id\n      title\n      scheduledStartAt\n      bridgePoints(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            id\n            displayName\n            host\n            checkInCode\n            checkInUrl\n            checkInQrCode\n          }\n        }\n      }\n    }\n  }\n": types.CheckInSheetDocument,
    "\n  query LiveUnitKinds {\n    unitKinds {\n      code\n      nameVi\n      nameEn\n    }\n  }\n": types.LiveUnitKindsDocument,
    "\n  mutation CreateBridgePointsForUnits($input: CreateBridgePointsForUnitsInput!) {\n    createBridgePointsForUnits(input: $input) {\n      created\n      skipped\n    }\n  }\n": types.CreateBridgePointsForUnitsDocument,
    "\n  mutation CreateBridgePoint($input: CreateBridgePointInput!) {\n    createBridgePoint(input: $input) {\n      id\n      displayName\n    }\n  }\n": types.CreateBridgePointDocument,
    "\n  mutation UpdateBridgePoint($input: UpdateBridgePointInput!) {\n    updateBridgePoint(input: $input) {\n      id\n      host\n      expectedHeadcount\n      displayName\n    }\n  }\n": types.UpdateBridgePointDocument,
    "\n  mutation DeleteBridgePoint($id: ID!) {\n    deleteBridgePoint(id: $id)\n  }\n": types.DeleteBridgePointDocument,
    "\n  mutation RotateOperatorLink($id: ID!) {\n    rotateOperatorLink(bridgePointId: $id) {\n      id\n      operatorLink\n      operatorLinkActive\n      operatorLinkIssuedAt\n    }\n  }\n": types.RotateOperatorLinkDocument,
    "\n  mutation RevokeOperatorLink($id: ID!) {\n    revokeOperatorLink(bridgePointId: $id) {\n      id\n      operatorLink\n      operatorLinkActive\n      operatorLinkIssuedAt\n    }\n  }\n": types.RevokeOperatorLinkDocument,
    "\n  mutation StartConference($id: ID!) {\n    startConference(id: $id) {\n      id\n      status\n      startedAt\n    }\n  }\n": types.StartConferenceDocument,
    "\n  mutation EndConference($id: ID!) {\n    endConference(id: $id) {\n      id\n      status\n      endedAt\n    }\n  }\n": types.EndConferenceDocument,
    "\n  mutation DeleteConference($id: ID!) {\n    deleteConference(id: $id)\n  }\n": types.DeleteConferenceDocument,
    "\n  mutation UpdateConference($input: UpdateConferenceInput!) {\n    updateConference(input: $input) {\n      id\n      publicCounter\n    }\n  }\n": types.UpdateConferenceDocument,
    "\n  query Attendance($id: ID!) {\n    conference(id: $id) {\n      id\n      attendance {\n        final\n        generatedAt\n        totals {\n          bridgePoints\n          everConnected\n          neverConnected\n          expected\n          reported\n          checkIns\n          excusedAbsences\n          peakPresent\n          peakPresentAt\n        }\n        bridgePoints {\n          bridgePointId\n          displayName\n          unitCode\n          host\n          expectedHeadcount\n          reportedHeadcount\n          checkIns\n          peakPresent\n          connectedSeconds\n          firstConnectedAt\n          excusedAbsences {\n            id\n          }\n        }\n      }\n    }\n  }\n": types.AttendanceDocument,
    "\n  query AttendanceFile($id: ID!, $kind: AttendanceFileKind) {\n    attendanceFile(conferenceId: $id, kind: $kind) {\n      filename\n      contentType\n      content\n    }\n  }\n": types.AttendanceFileDocument,
    "\n  query DashboardConference($id: ID!) {\n    conference(id: $id) {\n      id\n      title\n      status\n      scheduledStartAt\n      scheduledEndAt\n      startedAt\n      endedAt\n      canManage\n      documents {\n        code\n      }\n    }\n  }\n": types.DashboardConferenceDocument,
    "\n  query Timeline($id: ID!, $since: DateTimeISO, $bucketSeconds: Int) {\n    conference(id: $id) {\n      id\n      timeline(since: $since, bucketSeconds: $bucketSeconds) {\n        at\n        present\n        expected\n        connected\n        bridgePoints\n      }\n    }\n  }\n": types.TimelineDocument,
    "\n  query PublicLiveCounter($id: ID!) {\n    publicLiveCounter(conferenceId: $id) {\n      conferenceId\n      title\n      status\n      at\n      totals {\n        bridgePoints\n        connected\n        present\n        expected\n      }\n    }\n  }\n": types.PublicLiveCounterDocument,
    "\n  query Health {\n    health {\n      status\n      database\n      version\n      serverTime\n      uptimeSeconds\n    }\n  }\n": types.HealthDocument,
    "\n  query OrganizerSurveys($status: SurveyStatus, $after: String) {\n    surveys(status: $status, first: 30, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          title\n          status\n          opensAt\n          closesAt\n          document {\n            code\n          }\n          ownerUnit {\n            id\n            name\n          }\n          currentVersion {\n            number\n          }\n          progress {\n            assigned\n            submitted\n            draft\n            opened\n            notOpened\n          }\n        }\n      }\n    }\n  }\n": types.OrganizerSurveysDocument,
    "\n  query OrganizerSurvey($id: ID!) {\n    survey(id: $id) {\n      id\n      title\n      description\n      instructions\n      status\n      reviewKind\n      opensAt\n      closesAt\n      allowAmend\n      createdAt\n      updatedAt\n      draftContent\n      document {\n        code\n        title\n        kind\n        signedOn\n      }\n      ownerUnit {\n        id\n        code\n        name\n        ancestors {\n          id\n          name\n        }\n      }\n      currentVersion {\n        id\n        number\n        content\n        publishedAt\n      }\n      versions {\n        id\n        number\n        publishedAt\n      }\n      progress {\n        assigned\n        submitted\n        draft\n        opened\n        notOpened\n        amended\n      }\n      deepestAssignedLevel\n    }\n  }\n": types.OrganizerSurveyDocument,
    "\n  mutation CreateSurvey($input: CreateSurveyInput!) {\n    createSurvey(input: $input) {\n      id\n    }\n  }\n": types.CreateSurveyDocument,
    "\n  mutation ImportSurvey($ownerUnitId: ID!, $file: String!) {\n    importSurvey(ownerUnitId: $ownerUnitId, file: $file) {\n      id\n    }\n  }\n": types.ImportSurveyDocument,
    "\n  mutation UpdateSurvey($input: UpdateSurveyInput!) {\n    updateSurvey(input: $input) {\n      id\n      status\n      updatedAt\n      currentVersion {\n        number\n      }\n    }\n  }\n": types.UpdateSurveyDocument,
    "\n  mutation PublishSurvey($id: ID!) {\n    publishSurvey(id: $id) {\n      id\n      status\n    }\n  }\n": types.PublishSurveyDocument,
    "\n  mutation CloseSurvey($id: ID!) {\n    closeSurvey(id: $id) {\n      id\n      status\n    }\n  }\n": types.CloseSurveyDocument,
    "\n  mutation ArchiveSurvey($id: ID!) {\n    archiveSurvey(id: $id) {\n      id\n      status\n    }\n  }\n": types.ArchiveSurveyDocument,
    "\n  mutation CloneSurvey($id: ID!) {\n    cloneSurvey(id: $id) {\n      id\n    }\n  }\n": types.CloneSurveyDocument,
    "\n  query ExportSurvey($id: ID!) {\n    exportSurvey(id: $id)\n  }\n": types.ExportSurveyDocument,
    "\n  query SurveyUnitKinds {\n    unitKinds {\n      code\n      nameVi\n      nameEn\n      sortOrder\n    }\n  }\n": types.SurveyUnitKindsDocument,
    "\n  mutation AssignSurvey($input: AssignSurveyInput!) {\n    assignSurvey(input: $input) {\n      added\n      alreadyAssigned\n    }\n  }\n": types.AssignSurveyDocument,
    "\n  query SurveyAssignments($surveyId: ID!, $states: [AssignmentState!], $search: String, $after: String) {\n    assignments(surveyId: $surveyId, states: $states, search: $search, first: 50, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          state\n          deadline\n          deadlineExtended\n          firstOpenedAt\n          draftSavedAt\n          submittedAt\n          submittedBy\n          receiptNumber\n          amendmentCount\n          linkStatus\n          link\n          unit {\n            id\n            code\n            name\n            ancestors {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n": types.SurveyAssignmentsDocument,
    "\n  query SurveyProgressByLevel($surveyId: ID!, $level: Int!) {\n    surveyAnalytics(surveyId: $surveyId, level: $level) {\n      progress {\n        total {\n          assigned\n          submitted\n          submittedLate\n          drafts\n          opened\n          notOpened\n          rate\n        }\n        groups {\n          unitId\n          unitCode\n          unitName\n          assigned\n          submitted\n          submittedLate\n          drafts\n          opened\n          notOpened\n          rate\n        }\n      }\n    }\n  }\n": types.SurveyProgressByLevelDocument,
    "\n  query RespondentLinksCsv($surveyId: ID!, $onlyNotSubmitted: Boolean) {\n    respondentLinksCsv(surveyId: $surveyId, onlyNotSubmitted: $onlyNotSubmitted)\n  }\n": types.RespondentLinksCsvDocument,
    "\n  mutation WithdrawAssignments($surveyId: ID!, $assignmentIds: [ID!]!) {\n    withdrawAssignments(surveyId: $surveyId, assignmentIds: $assignmentIds)\n  }\n": types.WithdrawAssignmentsDocument,
    "\n  mutation ExtendDeadline($assignmentId: ID!, $deadline: DateTimeISO) {\n    extendDeadline(assignmentId: $assignmentId, deadline: $deadline) {\n      id\n      deadline\n      deadlineExtended\n    }\n  }\n": types.ExtendDeadlineDocument,
    "\n  mutation RotateRespondentLink($assignmentId: ID!) {\n    rotateRespondentLink(assignmentId: $assignmentId) {\n      id\n      link\n      linkStatus\n    }\n  }\n": types.RotateRespondentLinkDocument,
    "\n  mutation RevokeRespondentLink($assignmentId: ID!) {\n    revokeRespondentLink(assignmentId: $assignmentId) {\n      id\n      link\n      linkStatus\n    }\n  }\n": types.RevokeRespondentLinkDocument,
    "\n  query SearchUnits($query: String!, $first: Int, $includeArchived: Boolean) {\n    searchUnits(query: $query, first: $first, includeArchived: $includeArchived) {\n      id\n      code\n      name\n      level\n      archivedAt\n      childCount\n      kind {\n        code\n        nameVi\n        nameEn\n      }\n      ancestors {\n        id\n        name\n      }\n    }\n  }\n": types.SearchUnitsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiTokens {\n    apiTokens {\n      id\n      name\n      hint\n      createdAt\n      expiresAt\n      lastUsedAt\n      revokedAt\n    }\n  }\n"): typeof import('./graphql.ts').ApiTokensDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      token\n      apiToken {\n        id\n        name\n      }\n    }\n  }\n"): typeof import('./graphql.ts').CreateApiTokenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      id\n      revokedAt\n    }\n  }\n"): typeof import('./graphql.ts').RevokeApiTokenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n"): typeof import('./graphql.ts').ChangePasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($username: String!, $password: String!) {\n    signIn(username: $username, password: $password) {\n      id\n    }\n  }\n"): typeof import('./graphql.ts').SignInDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Accounts($first: Int, $after: String) {\n    accounts(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          username\n          displayName\n          role\n          disabledAt\n          createdAt\n          scopeUnit {\n            id\n            code\n            name\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.ts').AccountsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateAccount($input: CreateAccountInput!) {\n    createAccount(input: $input) {\n      id\n      username\n    }\n  }\n"): typeof import('./graphql.ts').CreateAccountDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetAccountDisabled($id: ID!, $disabled: Boolean!) {\n    updateAccount(input: { id: $id, disabled: $disabled }) {\n      id\n      disabledAt\n    }\n  }\n"): typeof import('./graphql.ts').SetAccountDisabledDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateAccountAccess($id: ID!, $role: Role!, $scopeUnitId: ID) {\n    updateAccount(input: { id: $id, role: $role, scopeUnitId: $scopeUnitId }) {\n      id\n      role\n      scopeUnit {\n        id\n      }\n    }\n  }\n"): typeof import('./graphql.ts').UpdateAccountAccessDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetAccountPassword($id: ID!, $password: String!) {\n    resetAccountPassword(id: $id, password: $password)\n  }\n"): typeof import('./graphql.ts').ResetAccountPasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnitDetail($id: ID!) {\n    unit(id: $id) {\n      id\n      code\n      name\n      level\n      kindCode\n      archivedAt\n      childCount\n      descendantCount\n      kind {\n        code\n        nameVi\n        nameEn\n      }\n      ancestors {\n        id\n        code\n        name\n      }\n    }\n  }\n"): typeof import('./graphql.ts').UnitDetailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnitKinds {\n    unitKinds {\n      code\n      nameVi\n      nameEn\n      sortOrder\n    }\n  }\n"): typeof import('./graphql.ts').UnitKindsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateUnit($input: UpdateUnitInput!) {\n    updateUnit(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql.ts').UpdateUnitDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ArchiveUnit($id: ID!) {\n    archiveUnit(id: $id) {\n      id\n      archivedAt\n    }\n  }\n"): typeof import('./graphql.ts').ArchiveUnitDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestoreUnit($id: ID!) {\n    restoreUnit(id: $id) {\n      id\n      archivedAt\n    }\n  }\n"): typeof import('./graphql.ts').RestoreUnitDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUnit($input: CreateUnitInput!) {\n    createUnit(input: $input) {\n      id\n      code\n      name\n    }\n  }\n"): typeof import('./graphql.ts').CreateUnitDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportUnits($format: UnitFileFormat!, $content: String!, $dryRun: Boolean) {\n    importUnits(format: $format, content: $content, dryRun: $dryRun) {\n      applied\n      rows\n      created\n      updated\n      moved\n      unchanged\n      problems {\n        line\n        row\n        code\n        field\n        problem\n        message\n      }\n    }\n  }\n"): typeof import('./graphql.ts').ImportUnitsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExportUnits($format: UnitFileFormat!) {\n    exportUnits(format: $format)\n  }\n"): typeof import('./graphql.ts').ExportUnitsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUnitKind($input: CreateUnitKindInput!) {\n    createUnitKind(input: $input) {\n      code\n      nameVi\n      nameEn\n    }\n  }\n"): typeof import('./graphql.ts').CreateUnitKindDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnitChildren($filter: UnitsFilter, $first: Int, $after: String) {\n    units(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          code\n          name\n          level\n          archivedAt\n          childCount\n          kind {\n            code\n            nameVi\n            nameEn\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.ts').UnitChildrenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AnalyticsSurveys($after: String) {\n    analyticsSurveys(first: 50, after: $after) {\n      totalCount\n      edges {\n        node {\n          id\n          title\n          status\n          closesAt\n          assigned\n          submitted\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql.ts').AnalyticsSurveysDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AnalyticsSurvey($id: ID!) {\n    surveyAnalytics(surveyId: $id) {\n      surveyId\n      title\n      content\n      scopeLevel\n      deepestLevel\n    }\n  }\n"): typeof import('./graphql.ts').AnalyticsSurveyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AnalyticsOverview($surveyId: ID!, $level: Int!) {\n    surveyAnalytics(surveyId: $surveyId, level: $level) {\n      basis {\n        responses\n        versions\n      }\n      progress {\n        total {\n          assigned\n          submitted\n          submittedLate\n          drafts\n          notOpened\n          rate\n        }\n        groups {\n          unitId\n          unitName\n          assigned\n          submitted\n          submittedLate\n          drafts\n          notOpened\n          rate\n        }\n      }\n      indicators {\n        key\n        label\n        labelEn\n        percent\n        total {\n          value\n          responses\n        }\n        groups {\n          unitName\n          value\n          responses\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.ts').AnalyticsOverviewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QuestionChoices($surveyId: ID!, $level: Int!, $key: String!) {\n    surveyAnalytics(surveyId: $surveyId, level: $level) {\n      question(key: $key) {\n        choices {\n          basis {\n            responses\n            versions\n          }\n          total {\n            responses\n            mean\n            options {\n              key\n              label\n              count\n              share\n            }\n            otherTexts\n          }\n          groups {\n            unitName\n            responses\n            mean\n            options {\n              key\n              count\n              share\n            }\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.ts').QuestionChoicesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QuestionNumbers($surveyId: ID!, $level: Int!, $key: String!) {\n    surveyAnalytics(surveyId: $surveyId, level: $level) {\n      question(key: $key) {\n        numbers(bins: 10) {\n          basis {\n            responses\n            versions\n          }\n          total {\n            count\n            sum\n            mean\n            median\n            q1\n            q3\n            min\n            max\n            histogram {\n              from\n              to\n              count\n            }\n          }\n          groups {\n            unitName\n            count\n            sum\n            mean\n            median\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.ts').QuestionNumbersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CrossTab($surveyId: ID!, $level: Int!, $rowKey: String!, $columnKey: String!) {\n    surveyAnalytics(surveyId: $surveyId, level: $level) {\n      crossTab(rowKey: $rowKey, columnKey: $columnKey) {\n        rows\n        columns\n        responses\n        cells {\n          row\n          column\n          count\n          rowShare\n          columnShare\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.ts').CrossTabDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QuestionDates($surveyId: ID!, $level: Int!, $key: String!) {\n    surveyAnalytics(surveyId: $surveyId, level: $level) {\n      question(key: $key) {\n        dates {\n          basis {\n            responses\n            versions\n          }\n          total {\n            count\n            earliest\n            latest\n            byMonth {\n              month\n              count\n            }\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.ts').QuestionDatesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TextAnswers($surveyId: ID!, $level: Int!, $key: String!, $search: String, $after: String) {\n    surveyAnalytics(surveyId: $surveyId, level: $level) {\n      textAnswers(key: $key, search: $search, first: 20, after: $after) {\n        totalCount\n        edges {\n          node {\n            text\n            unitName\n            pathNames\n            submittedAt\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.ts').TextAnswersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    viewer {\n      id\n      username\n      displayName\n      role\n      scopeUnit {\n        id\n        code\n        name\n        ancestors {\n          id\n          name\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.ts').ViewerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut {\n    signOut\n  }\n"): typeof import('./graphql.ts').SignOutDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Conferences($first: Int, $after: String, $filter: ConferencesFilter) {\n    conferences(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          title\n          status\n          scheduledStartAt\n          scheduledEndAt\n          bridgePointCount\n          organizingUnit {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.ts').ConferencesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateConference($input: CreateConferenceInput!) {\n    createConference(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql.ts').CreateConferenceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Conference($id: ID!) {\n    conference(id: $id) {\n      id\n      title\n      description\n      status\n      scheduledStartAt\n      scheduledEndAt\n      startedAt\n      endedAt\n      canManage\n      publicCounter\n      bridgePointCount\n      documents {\n        code\n        title\n      }\n      organizingUnit {\n        id\n        code\n        name\n        level\n      }\n      hostBridgePoint {\n        id\n        displayName\n      }\n    }\n  }\n"): typeof import('./graphql.ts').ConferenceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConferenceBridgePoints($id: ID!, $first: Int, $after: String) {\n    conference(id: $id) {\n      id\n      bridgePoints(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            id\n            displayName\n            host\n            expectedHeadcount\n            checkInCode\n            checkInUrl\n            operatorLink\n            operatorLinkActive\n            operatorLinkIssuedAt\n            firstConnectedAt\n            unit {\n              id\n              code\n              name\n              level\n            }\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.ts').ConferenceBridgePointsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CheckInSheet($id: ID!, $first: Int, $after: String) {\n    conference(id: $id) {\n      id\n      title\n      scheduledStartAt\n      bridgePoints(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            id\n            displayName\n            host\n            checkInCode\n            checkInUrl\n            checkInQrCode\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.ts').CheckInSheetDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LiveUnitKinds {\n    unitKinds {\n      code\n      nameVi\n      nameEn\n    }\n  }\n"): typeof import('./graphql.ts').LiveUnitKindsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateBridgePointsForUnits($input: CreateBridgePointsForUnitsInput!) {\n    createBridgePointsForUnits(input: $input) {\n      created\n      skipped\n    }\n  }\n"): typeof import('./graphql.ts').CreateBridgePointsForUnitsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateBridgePoint($input: CreateBridgePointInput!) {\n    createBridgePoint(input: $input) {\n      id\n      displayName\n    }\n  }\n"): typeof import('./graphql.ts').CreateBridgePointDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateBridgePoint($input: UpdateBridgePointInput!) {\n    updateBridgePoint(input: $input) {\n      id\n      host\n      expectedHeadcount\n      displayName\n    }\n  }\n"): typeof import('./graphql.ts').UpdateBridgePointDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteBridgePoint($id: ID!) {\n    deleteBridgePoint(id: $id)\n  }\n"): typeof import('./graphql.ts').DeleteBridgePointDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateOperatorLink($id: ID!) {\n    rotateOperatorLink(bridgePointId: $id) {\n      id\n      operatorLink\n      operatorLinkActive\n      operatorLinkIssuedAt\n    }\n  }\n"): typeof import('./graphql.ts').RotateOperatorLinkDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeOperatorLink($id: ID!) {\n    revokeOperatorLink(bridgePointId: $id) {\n      id\n      operatorLink\n      operatorLinkActive\n      operatorLinkIssuedAt\n    }\n  }\n"): typeof import('./graphql.ts').RevokeOperatorLinkDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartConference($id: ID!) {\n    startConference(id: $id) {\n      id\n      status\n      startedAt\n    }\n  }\n"): typeof import('./graphql.ts').StartConferenceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EndConference($id: ID!) {\n    endConference(id: $id) {\n      id\n      status\n      endedAt\n    }\n  }\n"): typeof import('./graphql.ts').EndConferenceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteConference($id: ID!) {\n    deleteConference(id: $id)\n  }\n"): typeof import('./graphql.ts').DeleteConferenceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateConference($input: UpdateConferenceInput!) {\n    updateConference(input: $input) {\n      id\n      publicCounter\n    }\n  }\n"): typeof import('./graphql.ts').UpdateConferenceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Attendance($id: ID!) {\n    conference(id: $id) {\n      id\n      attendance {\n        final\n        generatedAt\n        totals {\n          bridgePoints\n          everConnected\n          neverConnected\n          expected\n          reported\n          checkIns\n          excusedAbsences\n          peakPresent\n          peakPresentAt\n        }\n        bridgePoints {\n          bridgePointId\n          displayName\n          unitCode\n          host\n          expectedHeadcount\n          reportedHeadcount\n          checkIns\n          peakPresent\n          connectedSeconds\n          firstConnectedAt\n          excusedAbsences {\n            id\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.ts').AttendanceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AttendanceFile($id: ID!, $kind: AttendanceFileKind) {\n    attendanceFile(conferenceId: $id, kind: $kind) {\n      filename\n      contentType\n      content\n    }\n  }\n"): typeof import('./graphql.ts').AttendanceFileDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardConference($id: ID!) {\n    conference(id: $id) {\n      id\n      title\n      status\n      scheduledStartAt\n      scheduledEndAt\n      startedAt\n      endedAt\n      canManage\n      documents {\n        code\n      }\n    }\n  }\n"): typeof import('./graphql.ts').DashboardConferenceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Timeline($id: ID!, $since: DateTimeISO, $bucketSeconds: Int) {\n    conference(id: $id) {\n      id\n      timeline(since: $since, bucketSeconds: $bucketSeconds) {\n        at\n        present\n        expected\n        connected\n        bridgePoints\n      }\n    }\n  }\n"): typeof import('./graphql.ts').TimelineDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PublicLiveCounter($id: ID!) {\n    publicLiveCounter(conferenceId: $id) {\n      conferenceId\n      title\n      status\n      at\n      totals {\n        bridgePoints\n        connected\n        present\n        expected\n      }\n    }\n  }\n"): typeof import('./graphql.ts').PublicLiveCounterDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Health {\n    health {\n      status\n      database\n      version\n      serverTime\n      uptimeSeconds\n    }\n  }\n"): typeof import('./graphql.ts').HealthDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizerSurveys($status: SurveyStatus, $after: String) {\n    surveys(status: $status, first: 30, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          title\n          status\n          opensAt\n          closesAt\n          document {\n            code\n          }\n          ownerUnit {\n            id\n            name\n          }\n          currentVersion {\n            number\n          }\n          progress {\n            assigned\n            submitted\n            draft\n            opened\n            notOpened\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.ts').OrganizerSurveysDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizerSurvey($id: ID!) {\n    survey(id: $id) {\n      id\n      title\n      description\n      instructions\n      status\n      reviewKind\n      opensAt\n      closesAt\n      allowAmend\n      createdAt\n      updatedAt\n      draftContent\n      document {\n        code\n        title\n        kind\n        signedOn\n      }\n      ownerUnit {\n        id\n        code\n        name\n        ancestors {\n          id\n          name\n        }\n      }\n      currentVersion {\n        id\n        number\n        content\n        publishedAt\n      }\n      versions {\n        id\n        number\n        publishedAt\n      }\n      progress {\n        assigned\n        submitted\n        draft\n        opened\n        notOpened\n        amended\n      }\n      deepestAssignedLevel\n    }\n  }\n"): typeof import('./graphql.ts').OrganizerSurveyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateSurvey($input: CreateSurveyInput!) {\n    createSurvey(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql.ts').CreateSurveyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportSurvey($ownerUnitId: ID!, $file: String!) {\n    importSurvey(ownerUnitId: $ownerUnitId, file: $file) {\n      id\n    }\n  }\n"): typeof import('./graphql.ts').ImportSurveyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateSurvey($input: UpdateSurveyInput!) {\n    updateSurvey(input: $input) {\n      id\n      status\n      updatedAt\n      currentVersion {\n        number\n      }\n    }\n  }\n"): typeof import('./graphql.ts').UpdateSurveyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishSurvey($id: ID!) {\n    publishSurvey(id: $id) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql.ts').PublishSurveyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CloseSurvey($id: ID!) {\n    closeSurvey(id: $id) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql.ts').CloseSurveyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ArchiveSurvey($id: ID!) {\n    archiveSurvey(id: $id) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql.ts').ArchiveSurveyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CloneSurvey($id: ID!) {\n    cloneSurvey(id: $id) {\n      id\n    }\n  }\n"): typeof import('./graphql.ts').CloneSurveyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExportSurvey($id: ID!) {\n    exportSurvey(id: $id)\n  }\n"): typeof import('./graphql.ts').ExportSurveyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SurveyUnitKinds {\n    unitKinds {\n      code\n      nameVi\n      nameEn\n      sortOrder\n    }\n  }\n"): typeof import('./graphql.ts').SurveyUnitKindsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AssignSurvey($input: AssignSurveyInput!) {\n    assignSurvey(input: $input) {\n      added\n      alreadyAssigned\n    }\n  }\n"): typeof import('./graphql.ts').AssignSurveyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SurveyAssignments($surveyId: ID!, $states: [AssignmentState!], $search: String, $after: String) {\n    assignments(surveyId: $surveyId, states: $states, search: $search, first: 50, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          state\n          deadline\n          deadlineExtended\n          firstOpenedAt\n          draftSavedAt\n          submittedAt\n          submittedBy\n          receiptNumber\n          amendmentCount\n          linkStatus\n          link\n          unit {\n            id\n            code\n            name\n            ancestors {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.ts').SurveyAssignmentsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SurveyProgressByLevel($surveyId: ID!, $level: Int!) {\n    surveyAnalytics(surveyId: $surveyId, level: $level) {\n      progress {\n        total {\n          assigned\n          submitted\n          submittedLate\n          drafts\n          opened\n          notOpened\n          rate\n        }\n        groups {\n          unitId\n          unitCode\n          unitName\n          assigned\n          submitted\n          submittedLate\n          drafts\n          opened\n          notOpened\n          rate\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.ts').SurveyProgressByLevelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RespondentLinksCsv($surveyId: ID!, $onlyNotSubmitted: Boolean) {\n    respondentLinksCsv(surveyId: $surveyId, onlyNotSubmitted: $onlyNotSubmitted)\n  }\n"): typeof import('./graphql.ts').RespondentLinksCsvDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WithdrawAssignments($surveyId: ID!, $assignmentIds: [ID!]!) {\n    withdrawAssignments(surveyId: $surveyId, assignmentIds: $assignmentIds)\n  }\n"): typeof import('./graphql.ts').WithdrawAssignmentsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExtendDeadline($assignmentId: ID!, $deadline: DateTimeISO) {\n    extendDeadline(assignmentId: $assignmentId, deadline: $deadline) {\n      id\n      deadline\n      deadlineExtended\n    }\n  }\n"): typeof import('./graphql.ts').ExtendDeadlineDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateRespondentLink($assignmentId: ID!) {\n    rotateRespondentLink(assignmentId: $assignmentId) {\n      id\n      link\n      linkStatus\n    }\n  }\n"): typeof import('./graphql.ts').RotateRespondentLinkDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeRespondentLink($assignmentId: ID!) {\n    revokeRespondentLink(assignmentId: $assignmentId) {\n      id\n      link\n      linkStatus\n    }\n  }\n"): typeof import('./graphql.ts').RevokeRespondentLinkDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SearchUnits($query: String!, $first: Int, $includeArchived: Boolean) {\n    searchUnits(query: $query, first: $first, includeArchived: $includeArchived) {\n      id\n      code\n      name\n      level\n      archivedAt\n      childCount\n      kind {\n        code\n        nameVi\n        nameEn\n      }\n      ancestors {\n        id\n        name\n      }\n    }\n  }\n"): typeof import('./graphql.ts').SearchUnitsDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
