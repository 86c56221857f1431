import { data, json, list, type OperationMap } from '#platform/openapi/spec'

/** The signed-in user's background jobs (app/jobs/controllers/jobs_controller.ts). */
export const jobOperations: OperationMap = {
  'jobs.index': { tag: 'Jobs', summary: 'Your recent background jobs, newest first', success: json(200, list('Job'), 'Up to 50 jobs') },
  'jobs.show': {
    tag: 'Jobs',
    summary: 'One of your jobs, with its progress',
    description: 'Poll this while a job runs; only the user who started a job sees it.',
    success: json(200, data('Job'), 'The job'),
  },
  'jobs.download': {
    tag: 'Jobs',
    summary: 'Download the file a finished job produced',
    description: 'CSV, or an Excel workbook (application/vnd.openxmlformats-officedocument.spreadsheetml.sheet) for spreadsheet exports. Answers 409 while the job has no file yet. The download is logged.',
    success: { status: 200, media: 'text/csv', description: 'The file (attachment)' },
    errors: [409],
  },
}
