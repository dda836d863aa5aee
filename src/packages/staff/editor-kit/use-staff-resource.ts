/**
 * useResource for the staff pages: their answers are never kept on the device (every load is a fresh one), and a
 * session the server has ended sends the staffer to the login page instead of an error no retry can fix.
 */
import { useEffect } from 'react'
import type { Loaded } from '@/api/client'
import { useResource, type Resource } from '@/api/use-resource'
import { toLogin } from '../components/staff-page'

export function fresh<T>(data: T): Loaded<T> {
  return { data, offline: false, source: 'network' }
}

export function useStaffResource<T>(load: () => Promise<T>, deps: unknown[]): Resource<T> {
  const resource = useResource(() => load().then(fresh), deps)
  const ended = resource.state.status === 'error' && resource.state.error.status === 401
  useEffect(() => {
    if (ended) toLogin()
  }, [ended])
  return resource
}
